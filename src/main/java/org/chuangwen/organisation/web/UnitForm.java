package org.chuangwen.organisation.web;

import java.util.UUID;

import org.chuangwen.organisation.OrganisationManagement.NewUnit;
import org.chuangwen.organisation.OrganisationManagement.UnitChange;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;

/** The unit form on the pages (create and edit). */
public class UnitForm {

	private String code;

	private String name;

	private UnitType type;

	private UUID jurisdictionId;

	private UUID parentId;

	private String phone;

	private String address;

	private UUID mainLeaderId;

	private UUID liaisonId;

	private int version;

	static UnitForm of(Unit u) {
		UnitForm f = new UnitForm();
		f.code = u.code();
		f.name = u.name();
		f.type = u.type();
		f.jurisdictionId = u.jurisdictionId();
		f.parentId = u.parentId();
		f.phone = u.phone();
		f.address = u.address();
		f.mainLeaderId = u.mainLeaderId();
		f.liaisonId = u.liaisonId();
		f.version = u.version();
		return f;
	}

	NewUnit toNew() {
		return new NewUnit(code, name, type, jurisdictionId, parentId, phone, address);
	}

	UnitChange toChange() {
		return new UnitChange(code, name, type, jurisdictionId, parentId, phone, address, mainLeaderId, liaisonId, version);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitType getType() {
		return type;
	}

	public void setType(UnitType type) {
		this.type = type;
	}

	public UUID getJurisdictionId() {
		return jurisdictionId;
	}

	public void setJurisdictionId(UUID jurisdictionId) {
		this.jurisdictionId = jurisdictionId;
	}

	public UUID getParentId() {
		return parentId;
	}

	public void setParentId(UUID parentId) {
		this.parentId = parentId;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public UUID getMainLeaderId() {
		return mainLeaderId;
	}

	public void setMainLeaderId(UUID mainLeaderId) {
		this.mainLeaderId = mainLeaderId;
	}

	public UUID getLiaisonId() {
		return liaisonId;
	}

	public void setLiaisonId(UUID liaisonId) {
		this.liaisonId = liaisonId;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
