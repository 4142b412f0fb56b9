package org.chuangwen.scoring;

/** The grade of a composite index on the 100-point scale: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E < 40. */
public enum Grade {
	A, B, C, D, E;

	public static Grade of(double index) {
		if (index >= 90) {
			return A;
		}
		if (index >= 75) {
			return B;
		}
		if (index >= 60) {
			return C;
		}
		if (index >= 40) {
			return D;
		}
		return E;
	}
}
