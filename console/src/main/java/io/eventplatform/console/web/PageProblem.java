package io.eventplatform.console.web;

import org.springframework.http.HttpStatus;

/** A page cannot be shown as asked (unknown topic, bad input): shown to the person with this status. */
public class PageProblem extends RuntimeException {

	private final HttpStatus status;

	public PageProblem(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}
}
