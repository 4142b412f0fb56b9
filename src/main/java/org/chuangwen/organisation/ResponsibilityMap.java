package org.chuangwen.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility map as other modules use it for routing (谁主管谁负责): who answers for a place of the
 * jurisdiction tree. The responsible unit of a node is the block unit (包街区单位) of the nearest AREA responsibility
 * found walking up from the node to the root; the area leader (包片领导) likewise.
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityMap {

	private final OrganisationRepository repository;

	ResponsibilityMap(OrganisationRepository repository) {
		this.repository = repository;
	}

	/** The unit that answers for this node: the block unit of the nearest area responsibility at or above it. */
	public Optional<UUID> responsibleUnitFor(UUID jurisdictionId) {
		return nearestArea(jurisdictionId, r -> r.blockUnitId() != null).map(Responsibility::blockUnitId);
	}

	/** The leader who holds the area of this node: the area leader of the nearest area responsibility that names one. */
	public Optional<UUID> areaLeaderFor(UUID jurisdictionId) {
		return nearestArea(jurisdictionId, r -> r.areaLeaderId() != null).map(Responsibility::areaLeaderId);
	}

	/** The nearest AREA responsibility at or above the node that satisfies the condition. */
	Optional<Responsibility> nearestArea(UUID jurisdictionId, java.util.function.Predicate<Responsibility> holds) {
		Optional<Jurisdiction> node = repository.jurisdiction(jurisdictionId);
		if (node.isEmpty()) {
			return Optional.empty();
		}
		List<UUID> lineage = node.get().lineage();
		Map<UUID, Responsibility> areas = repository.areasOn(lineage)
			.stream()
			.collect(Collectors.toMap(Responsibility::jurisdictionId, Function.identity()));
		return lineage.stream()
			.sorted(Comparator.comparingInt(lineage::indexOf).reversed())
			.map(areas::get)
			.filter(r -> r != null && holds.test(r))
			.findFirst();
	}
}
