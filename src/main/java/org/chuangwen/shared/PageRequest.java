package org.chuangwen.shared;

/** A page of a list: {@code ?page=0&size=50}, size at most 500 (API.md). */
public record PageRequest(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public PageRequest {
		if (page < 0) {
			throw new InvalidInputException("page", "error.page.negative");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "error.page.size", MAX_SIZE);
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
