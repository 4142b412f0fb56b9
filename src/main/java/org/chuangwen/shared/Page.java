package org.chuangwen.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the total count: {@code {"items": [...], "page": 0, "size": 50, "total": N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
		return new Page<>(List.copyOf(items), request.page(), request.size(), total);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}
}
