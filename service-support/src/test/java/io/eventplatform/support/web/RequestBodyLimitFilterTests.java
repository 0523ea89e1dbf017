package io.eventplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTests {

	RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofBytes(10), JsonMapper.builder().build());

	MockHttpServletResponse response = new MockHttpServletResponse();

	MockFilterChain chain = new MockFilterChain();

	@Test
	void shouldRefuseADeclaredLengthOverTheLimitWithoutReadingTheBody() throws Exception {
		// Given
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/weather/readings/batch") {

			@Override
			public ServletInputStream getInputStream() {
				throw new AssertionError("the body must not be read");
			}
		};
		request.setContent(new byte[11]);

		// When
		filter.doFilter(request, response, chain);

		// Then
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"maxBytes\":10");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void shouldRefuseABodyOfUnknownLengthOnceItPassesTheLimitWithoutReadingTheRest() throws Exception {
		// Given a chunked body of 1,000 bytes
		MockHttpServletRequest request = chunked(new byte[1000]);

		// When
		filter.doFilter(request, response, chain);

		// Then: 413 after reading one byte past the limit
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
		assertThat(request.getInputStream().available()).isEqualTo(1000 - 11);
	}

	@Test
	void shouldHandOnABodyOfUnknownLengthWithinTheLimitWhole() throws Exception {
		// Given
		byte[] body = "[1,2,3,45]".getBytes(StandardCharsets.UTF_8);

		// When
		filter.doFilter(chunked(body), response, chain);

		// Then
		assertThat(chain.getRequest()).isNotNull();
		assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
		assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(10);
	}

	@Test
	void shouldHandOnADeclaredLengthWithinTheLimitUntouched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/weather/readings");
		request.setContent(new byte[10]);

		filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isSameAs(request);
	}

	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/weather/readings/batch") {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContent(body);
		return request;
	}
}
