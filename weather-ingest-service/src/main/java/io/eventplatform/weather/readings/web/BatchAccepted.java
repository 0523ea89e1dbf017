package io.eventplatform.weather.readings.web;

import java.util.List;

/** The answer to an accepted batch: how many readings the broker acknowledged and their ids, in request order. */
record BatchAccepted(int accepted, List<String> ids) {
}
