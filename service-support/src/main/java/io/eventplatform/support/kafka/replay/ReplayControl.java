package io.eventplatform.support.kafka.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One instance's part in a replay: it reads the service's replay-control topic (every partition, from its end, in no
 * consumer group, so every instance reads every record) and stops its listener containers of the groups a
 * {@code PAUSE} names, so that the groups empty and their offsets can be moved; it starts them again on the
 * {@code RESUME} of that replay, or on its own at the pause's deadline, so a group is never left stopped by a
 * coordinator that died. A container paused by two replays at once starts again when both are over.
 * <p>
 * Hand-written: neither Kafka nor spring-kafka stops a group's members across processes; the parts it uses are
 * theirs (a listener container on the topic, {@code KafkaTemplate}, the registry's containers' stop and start).
 */
class ReplayControl implements MessageListener<String, ReplayControlMessage>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReplayControl.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private static final int REMEMBERED_REPLAYS = 100;

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaTemplate<String, ReplayControlMessage> template;

	private final String topic;

	private final Duration pauseDeadline;

	private final Clock clock;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	/** The pauses in force, by replay id. */
	private final Map<String, Pause> pauses = new HashMap<>();

	/** The containers this instance stopped for a replay and must start again. */
	private final Set<String> stopped = new HashSet<>();

	/** Replays already over here, so that their PAUSE read late (after the local resume) stops nothing. */
	private final Set<String> over = Collections.newSetFromMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > REMEMBERED_REPLAYS;
		}
	});

	ReplayControl(KafkaListenerEndpointRegistry listeners, KafkaTemplate<String, ReplayControlMessage> template,
			String topic, Duration pauseDeadline, Clock clock) {
		this.listeners = listeners;
		this.template = template;
		this.topic = topic;
		this.pauseDeadline = pauseDeadline;
		this.clock = clock;
		this.scheduler.setClock(clock);
		this.scheduler.setThreadNamePrefix("replay-deadline-");
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
	}

	String topic() {
		return topic;
	}

	/**
	 * Whether the replay is over here; also true once this instance read the {@code RESUME} of an unknown replay id,
	 * which tells that it reads the control topic (so a pause sent from then on reaches it).
	 */
	synchronized boolean isOver(String replayId) {
		return over.contains(replayId);
	}

	@Override
	public void onMessage(ConsumerRecord<String, ReplayControlMessage> record) {
		ReplayControlMessage message = record.value();
		switch (message.type()) {
			case PAUSE -> pause(message.replayId(), message.groupIds(),
					message.deadline() != null ? message.deadline() : clock.instant().plus(pauseDeadline));
			case RESUME -> resume(message.replayId());
		}
	}

	/**
	 * Stops this instance's running listener containers of the groups until {@link #resume} or the deadline (at most
	 * {@code pause-deadline} from now, whatever the message says).
	 */
	synchronized void pause(String replayId, Collection<String> groupIds, Instant deadline) {
		if (pauses.containsKey(replayId) || over.contains(replayId)) {
			return;
		}
		Set<String> held = new HashSet<>();
		for (MessageListenerContainer container : listeners.getListenerContainers()) {
			String groupId = container.getGroupId();
			String id = container.getListenerId();
			if (groupId != null && id != null && groupIds.contains(groupId)) {
				held.add(id);
				if (container.isRunning() && !heldByOtherReplay(id)) {
					container.stop();
					stopped.add(id);
				}
			}
		}
		Instant latest = clock.instant().plus(pauseDeadline);
		Instant at = deadline.isBefore(latest) ? deadline : latest;
		ScheduledFuture<?> timer = scheduler.schedule(() -> resumeAtDeadline(replayId), at);
		pauses.put(replayId, new Pause(held, timer));
		log.info("Replay {}: stopped listeners {} of groups {} until it is over, at the latest {}", replayId, held,
				groupIds, at);
	}

	/** Starts again what {@link #pause} stopped for the replay, unless another replay still holds it. */
	synchronized void resume(String replayId) {
		over.add(replayId);
		Pause pause = pauses.remove(replayId);
		if (pause == null) {
			return;
		}
		pause.deadline().cancel(false);
		for (String id : pause.containerIds()) {
			MessageListenerContainer container = listeners.getListenerContainer(id);
			if (container != null && stopped.contains(id) && !heldByOtherReplay(id)) {
				stopped.remove(id);
				container.start();
			}
		}
		log.info("Replay {} is over: listeners {} run again", replayId, pause.containerIds());
	}

	private void resumeAtDeadline(String replayId) {
		log.warn("Replay {} was not over by its deadline (its coordinator died?): starting its listeners again",
				replayId);
		resume(replayId);
	}

	private boolean heldByOtherReplay(String containerId) {
		return pauses.values().stream().anyMatch(pause -> pause.containerIds().contains(containerId));
	}

	/** Sends a control record and waits for the broker's acknowledgement. */
	void publish(ReplayControlMessage message) throws ExecutionException, TimeoutException, InterruptedException {
		template.send(topic, message.replayId(), message).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		scheduler.shutdown();
	}

	private record Pause(Set<String> containerIds, ScheduledFuture<?> deadline) {
	}

	@Override
	public String toString() {
		return "ReplayControl[" + topic + "]";
	}
}
