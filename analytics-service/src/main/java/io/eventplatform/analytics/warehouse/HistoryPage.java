package io.eventplatform.analytics.warehouse;

import java.util.List;

/**
 * One page of a history query, in the shape Spring Data's {@code PagedModel} gives transaction-service's lists.
 */
public record HistoryPage<T>(List<T> content, PageMetadata page) {

	public record PageMetadata(int size, int number, long totalElements, long totalPages) {
	}

	static <T> HistoryPage<T> of(List<T> content, int number, int size, long totalElements) {
		return new HistoryPage<>(content,
				new PageMetadata(size, number, totalElements, (totalElements + size - 1) / size));
	}
}
