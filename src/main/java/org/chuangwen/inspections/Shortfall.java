package org.chuangwen.inspections;

import java.util.UUID;

/** A quota that could not be met: fewer active points of the type (in the district) than asked; all were taken. */
public record Shortfall(String pointTypeCode, UUID districtId, int asked, int available) {
}
