package org.chuangwen.organisation;

import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTests {

	private final Unit bureau = unit(null);

	private final Unit section = unit(bureau.id());

	private final Unit team = unit(section.id());

	@Test
	void aUnitMovedUnderItsOwnChildIsRefused() {
		assertThatThrownBy(() -> bureau.mayMoveUnder(section.id(), List.of(section.id(), bureau.id())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("error.invalidInput");
	}

	@Test
	void aUnitMovedUnderItsGrandchildIsRefused() {
		assertThatThrownBy(() -> bureau.mayMoveUnder(team.id(), List.of(team.id(), section.id(), bureau.id())))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aUnitCannotBeItsOwnParent() {
		assertThatThrownBy(() -> bureau.mayMoveUnder(bureau.id(), List.of(bureau.id()))).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aUnitMayMoveUnderAnUnrelatedUnitOrToNoParent() {
		Unit other = unit(null);
		assertThatCode(() -> team.mayMoveUnder(other.id(), List.of(other.id()))).doesNotThrowAnyException();
		assertThatCode(() -> team.mayMoveUnder(null, List.of())).doesNotThrowAnyException();
	}

	private static Unit unit(UUID parent) {
		UUID id = UUID.randomUUID();
		return new Unit(id, "U-" + id, "单位", UnitType.DEPARTMENT, UUID.randomUUID(), parent, null, null, null, null, true, 0);
	}
}
