package io.eventplatform.weather.readings.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted reading: its event id ({@code ce_id}), the same for the same station and time. */
record ReadingAccepted(@Schema(example = "d5158522-6a25-3210-9ee5-d7eae7e6ee78") String id) {
}
