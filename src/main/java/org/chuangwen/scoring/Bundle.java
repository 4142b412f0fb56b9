package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

/** Units evaluated together (捆绑考评): every member is ranked with the bundle's combined result. */
public record Bundle(UUID id, String name, UUID jurisdictionId, List<Member> members) {

	public record Member(UUID unitId, String code, String name) {
	}
}
