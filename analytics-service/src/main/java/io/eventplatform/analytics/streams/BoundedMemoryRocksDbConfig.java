package io.eventplatform.analytics.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one memtable budget shared by every RocksDB store of the instance. The topology has dozens of
 * stores times its partitions (windowed stores even one RocksDB per segment), and RocksDB's defaults per store (a
 * 50 MiB cache, three 16 MiB memtables) would add up to gigabytes off-heap; this caps the whole at 64 MiB.
 */
public class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

	static {
		// Kafka's config parser initialises this class when it reads rocksdb.config.setter, before any store has
		// loaded RocksDB's native library; the cache below needs it.
		RocksDB.loadLibrary();
	}

	private static final long TOTAL_OFF_HEAP_BYTES = 64L * 1024 * 1024;

	private static final long TOTAL_MEMTABLE_BYTES = 16L * 1024 * 1024;

	/** Created on first use: Kafka Streams instantiates the setter to validate its configuration, before RocksDB. */
	private static final class Shared {

		static {
			RocksDB.loadLibrary();
		}

		static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, 0.1);

		static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);

	}

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(Shared.CACHE);
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setWriteBufferManager(Shared.WRITE_BUFFERS);
		options.setMaxWriteBufferNumber(2);
		options.setWriteBufferSize(1024 * 1024);
		options.setTableFormatConfig(table);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the write buffer manager are shared by all stores and live as long as the instance.
	}
}
