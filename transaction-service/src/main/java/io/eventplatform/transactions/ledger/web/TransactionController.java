package io.eventplatform.transactions.ledger.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.security.Scopes;
import io.eventplatform.transactions.ledger.TransactionRecording;
import io.eventplatform.transactions.ledger.TransactionRecording.Recorded;
import io.eventplatform.transactions.ledger.Transactions;

@RestController
@RequestMapping("/api/transactions")
class TransactionController {

	/** Deeper than any account's history is meant to be paged; keeps the offset far from overflowing. */
	static final int MAX_PAGE = 100_000;

	private final TransactionRecording recording;

	private final Transactions transactions;

	TransactionController(TransactionRecording recording, Transactions transactions) {
		this.recording = recording;
		this.transactions = transactions;
	}

	/**
	 * Records a transaction. A retry with the same {@code Idempotency-Key} and body answers what the first call
	 * answered and records nothing new; the same key with another body is refused with 422.
	 */
	@PostMapping
	@PreAuthorize(Scopes.Require.TRANSACTIONS_WRITE)
	ResponseEntity<TransactionResponse> record(@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 255) String key,
			@Valid @RequestBody RecordTransactionRequest request, @AuthenticationPrincipal Jwt client) {
		AccountAccess.requireUse(client, request.accountId());
		String clientId = AccountAccess.clientId(client);
		Recorded recorded = recording.record(clientId, key, request.toRecording());
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(recorded.transaction().getId())
			.toUri();
		return ResponseEntity.created(location)
			.header("Idempotent-Replayed", Boolean.toString(recorded.replayed()))
			.body(TransactionResponse.of(recorded.transaction()));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Scopes.Require.TRANSACTIONS_READ)
	TransactionResponse transaction(@PathVariable UUID id, @AuthenticationPrincipal Jwt client) {
		// Another account's transaction is answered as if it did not exist: its id reveals nothing.
		return transactions.findById(id)
			.filter(transaction -> AccountAccess.mayUse(client, transaction.getAccountId()))
			.map(TransactionResponse::of)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}

	/** An account's transactions, oldest first; {@code page} and {@code size} (at most 100) select the page. */
	@GetMapping
	@PreAuthorize(Scopes.Require.TRANSACTIONS_READ)
	PagedModel<TransactionResponse> ofAccount(@RequestParam @NotBlank String accountId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page, Pageable pageable,
			@AuthenticationPrincipal Jwt client) {
		AccountAccess.requireUse(client, accountId);
		// The order is the API's (oldest first), not the client's: a sort parameter is ignored, not passed to SQL.
		Pageable oldestFirst = PageRequest.of(page, pageable.getPageSize());
		return new PagedModel<>(transactions.findByAccountIdOrderByOccurredAtAscIdAsc(accountId, oldestFirst)
			.map(TransactionResponse::of));
	}
}
