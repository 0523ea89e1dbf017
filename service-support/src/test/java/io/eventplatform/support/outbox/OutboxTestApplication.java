package io.eventplatform.support.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with a database and a produced topic, as registration-service and transaction-service are. */
@SpringBootApplication
class OutboxTestApplication {

}
