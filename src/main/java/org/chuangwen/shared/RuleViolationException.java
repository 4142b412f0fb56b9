package org.chuangwen.shared;

/** Well-formed input that breaks a rule of the domain, e.g. an illegal transition (422). */
public class RuleViolationException extends DomainException {

	public RuleViolationException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
