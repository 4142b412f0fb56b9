package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.chuangwen.shared.InvalidInputException;

/**
 * The weights of the composite index (综合指标值, DOMAIN §9) in percent: disposal rate, on-time disposal rate, one minus
 * the rework rate, and the volume factor. They must add up to exactly 100.
 */
public record Weights(BigDecimal disposal, BigDecimal onTime, BigDecimal rework, BigDecimal volume) {

	/** The digital urban management scheme: 30 + 30 + 30 + 10. */
	public static final Weights DEFAULT = new Weights(BigDecimal.valueOf(30), BigDecimal.valueOf(30),
			BigDecimal.valueOf(30), BigDecimal.valueOf(10));

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Checks each weight (0–100, at most two decimals) and their sum (100); 400 listing every mistake. */
	public static Weights validated(BigDecimal disposal, BigDecimal onTime, BigDecimal rework, BigDecimal volume) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		check(errors, "disposal", disposal);
		check(errors, "onTime", onTime);
		check(errors, "rework", rework);
		check(errors, "volume", volume);
		if (errors.isEmpty()) {
			BigDecimal sum = disposal.add(onTime).add(rework).add(volume);
			if (sum.compareTo(HUNDRED) != 0) {
				errors.add(new InvalidInputException.FieldError("weights", "evaluation.weights.sum", sum.stripTrailingZeros().toPlainString()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Weights(disposal, onTime, rework, volume);
	}

	private static void check(List<InvalidInputException.FieldError> errors, String field, BigDecimal value) {
		if (value == null) {
			errors.add(new InvalidInputException.FieldError(field, "evaluation.weights.missing"));
		}
		else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
			errors.add(new InvalidInputException.FieldError(field, "evaluation.weights.range"));
		}
		else if (value.stripTrailingZeros().scale() > 2) {
			errors.add(new InvalidInputException.FieldError(field, "evaluation.weights.scale"));
		}
	}
}
