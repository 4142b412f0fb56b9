package org.chuangwen.organisation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chuangwen.organisation.CommandPost;
import org.chuangwen.organisation.OrganisationManagement.CommandPostChange;
import org.chuangwen.organisation.OrganisationManagement.NewCommandPost;

/** The command post form: its own fields, the commander (chosen by unit, then person) and, on create, members. */
public class CommandPostForm {

	private String code;

	private String name;

	private UUID jurisdictionId;

	private UUID commanderUnitId;

	private UUID commanderId;

	private UUID leadUnitId;

	private String description;

	private List<UUID> memberUnitIds = new ArrayList<>();

	private int version;

	static CommandPostForm of(CommandPost c, UUID commanderUnitId) {
		CommandPostForm f = new CommandPostForm();
		f.code = c.code();
		f.name = c.name();
		f.jurisdictionId = c.jurisdictionId();
		f.commanderUnitId = commanderUnitId;
		f.commanderId = c.commanderId();
		f.leadUnitId = c.leadUnitId();
		f.description = c.description();
		f.memberUnitIds = new ArrayList<>(c.memberUnitIds());
		f.version = c.version();
		return f;
	}

	NewCommandPost toNew() {
		return new NewCommandPost(code, name, jurisdictionId, commanderId, leadUnitId, description,
				memberUnitIds == null ? List.of() : memberUnitIds);
	}

	CommandPostChange toChange() {
		return new CommandPostChange(code, name, jurisdictionId, commanderId, leadUnitId, description, version);
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

	public UUID getJurisdictionId() {
		return jurisdictionId;
	}

	public void setJurisdictionId(UUID jurisdictionId) {
		this.jurisdictionId = jurisdictionId;
	}

	public UUID getCommanderUnitId() {
		return commanderUnitId;
	}

	public void setCommanderUnitId(UUID commanderUnitId) {
		this.commanderUnitId = commanderUnitId;
	}

	public UUID getCommanderId() {
		return commanderId;
	}

	public void setCommanderId(UUID commanderId) {
		this.commanderId = commanderId;
	}

	public UUID getLeadUnitId() {
		return leadUnitId;
	}

	public void setLeadUnitId(UUID leadUnitId) {
		this.leadUnitId = leadUnitId;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<UUID> getMemberUnitIds() {
		return memberUnitIds;
	}

	public void setMemberUnitIds(List<UUID> memberUnitIds) {
		this.memberUnitIds = memberUnitIds;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
