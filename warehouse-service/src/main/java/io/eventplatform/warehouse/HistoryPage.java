package io.eventplatform.warehouse;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a history query, in the shape Spring Data's {@code PagedModel} gives transaction-service's lists.
 */
public record HistoryPage<T>(List<T> content, PageMetadata page) {

	public record PageMetadata(int size, int number, long totalElements, long totalPages) {
	}

	/** The same page with each element mapped, e.g. masked. */
	public <R> HistoryPage<R> map(Function<? super T, ? extends R> mapper) {
		return new HistoryPage<>(content.stream().<R>map(mapper).toList(), page);
	}

	static <T> HistoryPage<T> of(List<T> content, int number, int size, long totalElements) {
		return new HistoryPage<>(content,
				new PageMetadata(size, number, totalElements, (totalElements + size - 1) / size));
	}
}
