package org.chuangwen.organisation.web;

import java.util.UUID;

import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;

/** The jurisdiction form on the pages: create (with parent and level) and edit (code, name, order). */
public class JurisdictionForm {

	private UUID parentId;

	private JurisdictionLevel level;

	private String code;

	private String name;

	private int sortOrder;

	private int version;

	static JurisdictionForm of(Jurisdiction j) {
		JurisdictionForm f = new JurisdictionForm();
		f.parentId = j.parentId();
		f.level = j.level();
		f.code = j.code();
		f.name = j.name();
		f.sortOrder = j.sortOrder();
		f.version = j.version();
		return f;
	}

	public UUID getParentId() {
		return parentId;
	}

	public void setParentId(UUID parentId) {
		this.parentId = parentId;
	}

	public JurisdictionLevel getLevel() {
		return level;
	}

	public void setLevel(JurisdictionLevel level) {
		this.level = level;
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

	public int getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
