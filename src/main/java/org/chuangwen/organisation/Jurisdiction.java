package org.chuangwen.organisation;

import java.util.UUID;

/** A node of the jurisdiction tree. {@code path} is the materialised path of ids from the root, ending in '/'. */
public record Jurisdiction(UUID id, UUID parentId, JurisdictionLevel level, String code, String name, String path,
		int sortOrder, int version) {

	/** Whether this node lies in the subtree of the node with the given path (itself included). */
	public boolean isWithin(String ancestorPath) {
		return ancestorPath != null && path.startsWith(ancestorPath);
	}

	static String childPath(String parentPath, UUID id) {
		return (parentPath == null ? "/" : parentPath) + id + "/";
	}
}
