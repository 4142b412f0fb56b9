package org.chuangwen.open311;

import java.util.List;

/**
 * A refusal in Open311's terms: the HTTP status (400, 403, 404) and one or more messages (keys with arguments),
 * answered as the spec's error list ({@code [{"code": 400, "description": "..."}]} / {@code <errors>}).
 */
public class Open311Exception extends RuntimeException {

	/** One error's message key and arguments. */
	public record Message(String key, List<Object> arguments) {

		public Message(String key, Object... arguments) {
			this(key, List.of(arguments));
		}
	}

	private final int status;

	private final transient List<Message> messages;

	public Open311Exception(int status, String key, Object... arguments) {
		this(status, List.of(new Message(key, arguments)));
	}

	public Open311Exception(int status, List<Message> messages) {
		super(status + " " + messages);
		this.status = status;
		this.messages = List.copyOf(messages);
	}

	public int status() {
		return status;
	}

	public List<Message> messages() {
		return messages;
	}
}
