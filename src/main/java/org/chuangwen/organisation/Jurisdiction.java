package org.chuangwen.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.InvalidInputException;

/** A node of the jurisdiction tree. {@code path} is the materialised path of ids from the root, ending in '/'. */
public record Jurisdiction(UUID id, UUID parentId, JurisdictionLevel level, String code, String name, String path,
		int sortOrder, int version) {

	/** A move of a node with its whole subtree: every path that starts with {@code from} starts with {@code to} after. */
	public record PathRewrite(String from, String to) {
	}

	/** Whether this node lies in the subtree of the node with the given path (itself included). */
	public boolean isWithin(String ancestorPath) {
		return ancestorPath != null && path.startsWith(ancestorPath);
	}

	/**
	 * Moves this node (with its subtree) under a new parent. Refused when the new parent is the node itself or one of
	 * its descendants (the tree would become a cycle), or when the parent's level does not take children of this
	 * node's level (a street goes under a district, a grid under a community).
	 */
	public PathRewrite moveUnder(Jurisdiction newParent) {
		if (newParent.id().equals(id) || newParent.isWithin(path)) {
			throw new InvalidInputException("parentId", "jurisdiction.move.cycle");
		}
		if (!newParent.level().mayHaveChild(level)) {
			throw new InvalidInputException("parentId", "jurisdiction.level.invalidChild");
		}
		return new PathRewrite(path, childPath(newParent.path(), id));
	}

	/** The ids from the root down to this node, itself last. */
	public List<UUID> lineage() {
		List<UUID> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(UUID.fromString(part));
			}
		}
		return ids;
	}

	static String childPath(String parentPath, UUID id) {
		return (parentPath == null ? "/" : parentPath) + id + "/";
	}
}
