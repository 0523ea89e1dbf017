package io.eventplatform.console.messages;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.eventplatform.support.access.PersonalData;

/**
 * Masks personal data for a viewer, in the server, before anything is rendered: every e-mail address anywhere (JSON
 * or text), and the values of fields that hold a person's name. Uses the platform's one masking rule
 * ({@link PersonalData}).
 */
public final class Masking {

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+");

	/** Fields of the platform's events that name a person (UserRegistered's displayName, mail recipients). */
	private static final Set<String> NAME_FIELDS = Set.of("displayname", "name", "firstname", "lastname", "fullname",
			"recipient", "email", "contact");

	private Masking() {
	}

	public static String maskText(String text) {
		Matcher matcher = EMAIL.matcher(text);
		StringBuilder masked = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(masked, Matcher.quoteReplacement(PersonalData.maskEmail(matcher.group())));
		}
		matcher.appendTail(masked);
		return masked.toString();
	}

	/** Masks the tree in place. */
	public static void maskJson(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
				JsonNode value = field.getValue();
				if (value.isString()) {
					String text = value.asString();
					boolean nameField = NAME_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT));
					object.put(field.getKey(), nameField && text.indexOf('@') < 0 ? PersonalData.maskName(text) : maskText(text));
				}
				else {
					maskJson(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				if (element.isString()) {
					array.set(i, array.stringNode(maskText(element.asString())));
				}
				else {
					maskJson(element);
				}
			}
		}
	}
}
