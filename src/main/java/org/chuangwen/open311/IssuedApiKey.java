package org.chuangwen.open311;

/** A key just issued: the only moment its plain text exists outside the app that receives it. */
public record IssuedApiKey(ApiKey key, String plainKey) {
}
