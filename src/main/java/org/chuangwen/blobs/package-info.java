/**
 * Files (ARCHITECTURE "Files"): uploaded photos and documents stored once per content (SHA-256) on disk, written and
 * flushed before the row that points to them, typed by their content (never by their name), limited in size and in
 * the types each use allows, checked against their hash when read back. Uses shared and audit only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = { "shared", "audit" })
package org.chuangwen.blobs;
