package org.chuangwen.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.organisation.CommandPost;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointRef;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names of the groups, units, people and points scores are about, looked up once per request. */
@Component
class GroupNames {

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	private final PointDirectory points;

	GroupNames(OrganisationDirectory organisation, CriteriaDirectory criteria, PointDirectory points) {
		this.organisation = organisation;
		this.criteria = criteria;
		this.points = points;
	}

	/** A memo for one request. */
	Lookup lookup() {
		return new Lookup();
	}

	final class Lookup {

		private final Map<String, String> names = new HashMap<>();

		private final Map<UUID, Optional<Jurisdiction>> jurisdictions = new HashMap<>();

		private final Map<UUID, Optional<Unit>> units = new HashMap<>();

		private final Map<UUID, Optional<PointRef>> pointRefs = new HashMap<>();

		String name(ScoreDimension d, String key) {
			if (key == null || key.isEmpty()) {
				return "";
			}
			return names.computeIfAbsent(d.name() + ":" + key, k -> switch (d) {
				case DISTRICT, STREET -> jurisdiction(UUID.fromString(key)).map(Jurisdiction::name).orElse(key);
				case UNIT -> unit(UUID.fromString(key)).map(Unit::name).orElse(key);
				case POINT_TYPE -> criteria.pointType(key).map(t -> t.name(LocaleContextHolder.getLocale())).orElse(key);
				case COMMAND_POST -> organisation.commandPost(UUID.fromString(key)).map(CommandPost::name).orElse(key);
				case POINT -> point(UUID.fromString(key)).map(PointRef::name).orElse(key);
				case CITY -> "";
			});
		}

		Optional<Jurisdiction> jurisdiction(UUID id) {
			return id == null ? Optional.empty() : jurisdictions.computeIfAbsent(id, organisation::jurisdiction);
		}

		Optional<Unit> unit(UUID id) {
			return id == null ? Optional.empty() : units.computeIfAbsent(id, organisation::unit);
		}

		Optional<PointRef> point(UUID id) {
			return id == null ? Optional.empty() : pointRefs.computeIfAbsent(id, points::point);
		}

		String unitName(UUID id) {
			return unit(id).map(Unit::name).orElse(null);
		}

		String personName(UUID id) {
			if (id == null) {
				return null;
			}
			return names.computeIfAbsent("person:" + id, k -> organisation.person(id).map(Person::name).orElse(null));
		}

		/** Whether the caller sees this group of a dimension. */
		boolean sees(ScoringAccess access, ScoreDimension d, String key) {
			if (access.scope().isEverything()) {
				return true;
			}
			return switch (d) {
				case CITY -> access.isCity();
				case DISTRICT, STREET -> !access.unitBound() && jurisdiction(UUID.fromString(key))
					.map(j -> access.path() != null && j.path().startsWith(access.path()))
					.orElse(false);
				case UNIT -> unit(UUID.fromString(key)).map(u -> access.unitBound() ? u.id().equals(access.unitId())
						: jurisdiction(u.jurisdictionId()).map(j -> access.path() != null && j.path().startsWith(access.path()))
							.orElse(false))
					.orElse(false);
				case POINT_TYPE, COMMAND_POST -> access.isCity();
				case POINT -> false;
			};
		}
	}
}
