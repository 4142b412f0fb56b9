package org.chuangwen.inspections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.points.PointRef;

/**
 * Where a point lies and who answers for it, as an observation snapshots it: its district and street (ancestors of its
 * jurisdiction node), its unit, the unit's command post, its leader and person. Caches lookups for one operation (a
 * sampling, an import, a demo load): make a new one per operation.
 */
final class Places {

	/** The snapshot of a point at observation time. */
	record Snapshot(String pointTypeCode, UUID districtId, UUID streetId, UUID unitId, UUID commandPostId,
			UUID leaderPersonId, UUID personId) {
	}

	private final OrganisationDirectory organisation;

	private final Map<UUID, Optional<Jurisdiction>> nodes = new HashMap<>();

	private final Map<UUID, Optional<UUID>> posts = new HashMap<>();

	Places(OrganisationDirectory organisation) {
		this.organisation = organisation;
	}

	/** With the nodes already known (e.g. every node an office sees, read in one query). */
	Places(OrganisationDirectory organisation, List<Jurisdiction> known) {
		this.organisation = organisation;
		known.forEach(j -> nodes.put(j.id(), Optional.of(j)));
	}

	UUID districtOf(UUID jurisdictionId) {
		return ancestor(jurisdictionId, JurisdictionLevel.DISTRICT);
	}

	UUID streetOf(UUID jurisdictionId) {
		return ancestor(jurisdictionId, JurisdictionLevel.STREET);
	}

	Snapshot of(PointRef point) {
		return new Snapshot(point.typeCode(), districtOf(point.jurisdictionId()), streetOf(point.jurisdictionId()),
				point.unitId(), commandPostOf(point.unitId()), point.leaderPersonId(), point.personId());
	}

	UUID commandPostOf(UUID unitId) {
		if (unitId == null) {
			return null;
		}
		return posts.computeIfAbsent(unitId, u -> organisation.commandPostsOfUnit(u).stream().findFirst()
			.map(OrganisationDirectory.CommandPostSummary::id)).orElse(null);
	}

	private UUID ancestor(UUID jurisdictionId, JurisdictionLevel level) {
		Optional<Jurisdiction> node = node(jurisdictionId);
		if (node.isEmpty()) {
			return null;
		}
		List<UUID> lineage = node.get().lineage();
		for (UUID id : lineage) {
			Optional<Jurisdiction> j = node(id);
			if (j.isPresent() && j.get().level() == level) {
				return id;
			}
		}
		return null;
	}

	private Optional<Jurisdiction> node(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return nodes.computeIfAbsent(id, organisation::jurisdiction);
	}
}
