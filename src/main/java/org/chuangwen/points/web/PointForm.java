package org.chuangwen.points.web;

import java.util.UUID;

import org.chuangwen.points.Point;
import org.chuangwen.points.PointDraft;

/** The point form on the pages (create and edit). The grid is given by its code; empty means "from the location". */
public class PointForm {

	private String code;

	private String name;

	private String typeCode;

	private String address;

	private Double latitude;

	private Double longitude;

	private UUID jurisdictionId;

	private String gridCode;

	private UUID unitId;

	private UUID leaderPersonId;

	private UUID personId;

	private int version;

	static PointForm of(Point p) {
		PointForm f = new PointForm();
		f.code = p.code();
		f.name = p.name();
		f.typeCode = p.typeCode();
		f.address = p.address();
		f.latitude = p.latitude();
		f.longitude = p.longitude();
		f.jurisdictionId = p.jurisdictionId();
		f.gridCode = p.gridCode();
		f.unitId = p.unitId();
		f.leaderPersonId = p.leaderPersonId();
		f.personId = p.personId();
		f.version = p.version();
		return f;
	}

	PointDraft draft(UUID gridId) {
		return new PointDraft(code, name, typeCode, address, latitude, longitude, jurisdictionId, gridId, unitId,
				leaderPersonId, personId);
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

	public String getTypeCode() {
		return typeCode;
	}

	public void setTypeCode(String typeCode) {
		this.typeCode = typeCode;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public Double getLatitude() {
		return latitude;
	}

	public void setLatitude(Double latitude) {
		this.latitude = latitude;
	}

	public Double getLongitude() {
		return longitude;
	}

	public void setLongitude(Double longitude) {
		this.longitude = longitude;
	}

	public UUID getJurisdictionId() {
		return jurisdictionId;
	}

	public void setJurisdictionId(UUID jurisdictionId) {
		this.jurisdictionId = jurisdictionId;
	}

	public String getGridCode() {
		return gridCode;
	}

	public void setGridCode(String gridCode) {
		this.gridCode = gridCode;
	}

	public UUID getUnitId() {
		return unitId;
	}

	public void setUnitId(UUID unitId) {
		this.unitId = unitId;
	}

	public UUID getLeaderPersonId() {
		return leaderPersonId;
	}

	public void setLeaderPersonId(UUID leaderPersonId) {
		this.leaderPersonId = leaderPersonId;
	}

	public UUID getPersonId() {
		return personId;
	}

	public void setPersonId(UUID personId) {
		this.personId = personId;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
