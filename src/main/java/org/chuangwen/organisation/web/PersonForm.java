package org.chuangwen.organisation.web;

import java.util.UUID;

import org.chuangwen.organisation.OrganisationManagement.NewPerson;
import org.chuangwen.organisation.OrganisationManagement.PersonChange;
import org.chuangwen.organisation.Person;

/** The person form on the pages (create and edit). */
public class PersonForm {

	private String name;

	private UUID unitId;

	private String position;

	private String mobile;

	private UUID jurisdictionId;

	private boolean active = true;

	private int version;

	static PersonForm of(Person p) {
		PersonForm f = new PersonForm();
		f.name = p.name();
		f.unitId = p.unitId();
		f.position = p.position();
		f.mobile = p.mobile();
		f.jurisdictionId = p.jurisdictionId();
		f.active = p.active();
		f.version = p.version();
		return f;
	}

	NewPerson toNew() {
		return new NewPerson(name, unitId, position, mobile, jurisdictionId);
	}

	PersonChange toChange() {
		return new PersonChange(name, unitId, position, mobile, jurisdictionId, active, version);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UUID getUnitId() {
		return unitId;
	}

	public void setUnitId(UUID unitId) {
		this.unitId = unitId;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public UUID getJurisdictionId() {
		return jurisdictionId;
	}

	public void setJurisdictionId(UUID jurisdictionId) {
		this.jurisdictionId = jurisdictionId;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
