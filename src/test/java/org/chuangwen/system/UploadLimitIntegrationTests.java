package org.chuangwen.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * An upload over the multipart limit (30 MB against 25 MB), over real HTTP as a browser or a client sends it: a form
 * posted without JS gets a 413 page in Chinese, the API a 413 with problem details; nothing is stored.
 */
@ChuangwenIntegrationTest
class UploadLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private static final String BOUNDARY = "----chuangwen-upload-limit";

	private static byte[] multipart(String field, int bytes) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
				+ "\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + bytes + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		body[head.length] = (byte) 0xFF;
		body[head.length + 1] = (byte) 0xD8;
		System.arraycopy(tail, 0, body, head.length + bytes, tail.length);
		return body;
	}

	private HttpResponse<String> post(String path, byte[] body, String header, String value) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept-Language", "zh-CN")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private long blobs() {
		return jdbc.sql("select count(*) from blob").query(Long.class).single();
	}

	@Test
	void aFormPostedWithoutJsGetsA413PageInChinese() throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user("inspector").password(Fixtures.PASSWORD))
			.andReturn().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		long before = blobs();
		HttpResponse<String> answer = post("/problems/new", multipart("photos", 30 * 1024 * 1024), "Cookie",
				"SESSION=" + session.getValue());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(answer.body()).contains("lang=\"zh-CN\"").contains("文件过大").contains("上传的文件过大");
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void theApiAnswers413WithProblemDetails() throws Exception {
		String token = tokens.issue(fixtures.actor("inspector").userId()).token();
		long before = blobs();
		HttpResponse<String> answer = post("/api/v1/blobs", multipart("file", 30 * 1024 * 1024), "Authorization",
				"Bearer " + token);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":413").contains("上传的文件过大");
		assertThat(blobs()).isEqualTo(before);
		// under the limit the same request goes through to the controller (which judges the content)
		HttpResponse<String> small = post("/api/v1/blobs", multipart("file", 1024), "Authorization", "Bearer " + token);
		assertThat(small.statusCode()).isNotEqualTo(413);
	}
}
