package org.chuangwen.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** What the steps of one demo load share: the seeded random source and the ids of what was created, by code. */
final class DemoContext {

	private final Random random;

	private final Map<String, UUID> jurisdictions = new HashMap<>();

	private final Map<String, UUID> units = new HashMap<>();

	DemoContext(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return random;
	}

	void jurisdiction(String code, UUID id) {
		jurisdictions.put(code, id);
	}

	UUID jurisdiction(String code) {
		UUID id = jurisdictions.get(code);
		if (id == null) {
			throw new IllegalStateException("demo jurisdiction " + code + " was not created");
		}
		return id;
	}

	void unit(String code, UUID id) {
		units.put(code, id);
	}

	UUID unit(String code) {
		UUID id = units.get(code);
		if (id == null) {
			throw new IllegalStateException("demo unit " + code + " was not created");
		}
		return id;
	}

	Map<String, UUID> units() {
		return Map.copyOf(units);
	}

	Map<String, UUID> jurisdictions() {
		return Map.copyOf(jurisdictions);
	}
}
