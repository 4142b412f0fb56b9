package org.chuangwen.organisation;

import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JurisdictionTests {

	private final Jurisdiction city = node(null, JurisdictionLevel.CITY, "LJ");

	private final Jurisdiction east = node(city, JurisdictionLevel.DISTRICT, "LJ-01");

	private final Jurisdiction west = node(city, JurisdictionLevel.DISTRICT, "LJ-02");

	private final Jurisdiction street = node(east, JurisdictionLevel.STREET, "LJ-01-01");

	private final Jurisdiction community = node(street, JurisdictionLevel.COMMUNITY, "LJ-01-01-01");

	@Test
	void aStreetMovesWithItsSubtreeUnderAnotherDistrict() {
		Jurisdiction.PathRewrite rewrite = street.moveUnder(west);
		assertThat(rewrite.from()).isEqualTo(street.path());
		assertThat(rewrite.to()).isEqualTo(west.path() + street.id() + "/");
		String communityAfter = rewrite.to() + community.path().substring(rewrite.from().length());
		assertThat(communityAfter).startsWith(west.path()).endsWith(community.id() + "/");
	}

	@Test
	void aNodeCannotMoveUnderItself() {
		assertThatThrownBy(() -> street.moveUnder(street)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("jurisdiction.move.cycle"));
	}

	@Test
	void aNodeCannotMoveUnderItsOwnDescendant() {
		assertThatThrownBy(() -> east.moveUnder(community)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("jurisdiction.move.cycle"));
	}

	@Test
	void aStreetCannotHangUnderAStreetOrTheCity() {
		Jurisdiction otherStreet = node(west, JurisdictionLevel.STREET, "LJ-02-01");
		assertThatThrownBy(() -> street.moveUnder(otherStreet)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("jurisdiction.level.invalidChild"));
		assertThatThrownBy(() -> street.moveUnder(city)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theLineageRunsFromTheRootDownToTheNode() {
		assertThat(community.lineage()).containsExactly(city.id(), east.id(), street.id(), community.id());
	}

	private static Jurisdiction node(Jurisdiction parent, JurisdictionLevel level, String code) {
		UUID id = UUID.randomUUID();
		return new Jurisdiction(id, parent == null ? null : parent.id(), level, code, code,
				Jurisdiction.childPath(parent == null ? null : parent.path(), id), 0, 0);
	}
}
