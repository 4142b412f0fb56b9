package org.chuangwen.organisation.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.FrontageDuty;
import org.chuangwen.organisation.OrganisationManagement.NewResponsibility;
import org.chuangwen.organisation.OrganisationManagement.ResponsibilityChange;
import org.chuangwen.organisation.Responsibility;
import org.chuangwen.organisation.ResponsibilityKind;

/** The responsibility map form; people are chosen by unit first (areaLeaderUnitId, doorPersonUnitId), then by name. */
public class ResponsibilityForm {

	private UUID jurisdictionId;

	private ResponsibilityKind kind = ResponsibilityKind.AREA;

	private String subjectName;

	private String subjectRef;

	private UUID areaLeaderUnitId;

	private UUID areaLeaderId;

	private UUID blockUnitId;

	private UUID doorPersonUnitId;

	private UUID doorPersonId;

	private Set<FrontageDuty> frontageDuties = EnumSet.noneOf(FrontageDuty.class);

	private int version;

	static ResponsibilityForm of(Responsibility r, UUID areaLeaderUnitId, UUID doorPersonUnitId) {
		ResponsibilityForm f = new ResponsibilityForm();
		f.jurisdictionId = r.jurisdictionId();
		f.kind = r.kind();
		f.subjectName = r.subjectName();
		f.subjectRef = r.subjectRef();
		f.areaLeaderUnitId = areaLeaderUnitId;
		f.areaLeaderId = r.areaLeaderId();
		f.blockUnitId = r.blockUnitId();
		f.doorPersonUnitId = doorPersonUnitId;
		f.doorPersonId = r.doorPersonId();
		f.frontageDuties = r.frontageDuties().isEmpty() ? EnumSet.noneOf(FrontageDuty.class) : EnumSet.copyOf(r.frontageDuties());
		f.version = r.version();
		return f;
	}

	NewResponsibility toNew() {
		return new NewResponsibility(jurisdictionId, kind, subjectName, subjectRef, areaLeaderId, blockUnitId, doorPersonId,
				duties());
	}

	ResponsibilityChange toChange() {
		return new ResponsibilityChange(jurisdictionId, kind, subjectName, subjectRef, areaLeaderId, blockUnitId,
				doorPersonId, duties(), version);
	}

	private Set<FrontageDuty> duties() {
		return frontageDuties == null ? Set.of() : frontageDuties;
	}

	public UUID getJurisdictionId() {
		return jurisdictionId;
	}

	public void setJurisdictionId(UUID jurisdictionId) {
		this.jurisdictionId = jurisdictionId;
	}

	public ResponsibilityKind getKind() {
		return kind;
	}

	public void setKind(ResponsibilityKind kind) {
		this.kind = kind;
	}

	public String getSubjectName() {
		return subjectName;
	}

	public void setSubjectName(String subjectName) {
		this.subjectName = subjectName;
	}

	public String getSubjectRef() {
		return subjectRef;
	}

	public void setSubjectRef(String subjectRef) {
		this.subjectRef = subjectRef;
	}

	public UUID getAreaLeaderUnitId() {
		return areaLeaderUnitId;
	}

	public void setAreaLeaderUnitId(UUID areaLeaderUnitId) {
		this.areaLeaderUnitId = areaLeaderUnitId;
	}

	public UUID getAreaLeaderId() {
		return areaLeaderId;
	}

	public void setAreaLeaderId(UUID areaLeaderId) {
		this.areaLeaderId = areaLeaderId;
	}

	public UUID getBlockUnitId() {
		return blockUnitId;
	}

	public void setBlockUnitId(UUID blockUnitId) {
		this.blockUnitId = blockUnitId;
	}

	public UUID getDoorPersonUnitId() {
		return doorPersonUnitId;
	}

	public void setDoorPersonUnitId(UUID doorPersonUnitId) {
		this.doorPersonUnitId = doorPersonUnitId;
	}

	public UUID getDoorPersonId() {
		return doorPersonId;
	}

	public void setDoorPersonId(UUID doorPersonId) {
		this.doorPersonId = doorPersonId;
	}

	public Set<FrontageDuty> getFrontageDuties() {
		return frontageDuties;
	}

	public void setFrontageDuties(Set<FrontageDuty> frontageDuties) {
		this.frontageDuties = frontageDuties;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
