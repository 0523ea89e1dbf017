package io.eventplatform.notification.template;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.eventplatform.notification.delivery.MailContent;
import io.eventplatform.notification.delivery.NotificationType;

/**
 * Renders a message from its templates: {@code templates/mail/<type>.txt} (plain text) and
 * {@code templates/mail/<type>.html}, with the texts of {@code mail/messages_<language>.properties}. The subject is
 * the message {@code <type>.subject} (e.g. {@code fraudAlert.subject}).
 */
@Component
public class MailTemplates {

	private final ITemplateEngine engine;

	private final MessageSource messages;

	MailTemplates(ITemplateEngine engine, MessageSource messages) {
		this.engine = engine;
		this.messages = messages;
	}

	/**
	 * @param variables what the templates show
	 * @param subjectArguments the arguments of the subject's message, in order
	 */
	public MailContent render(NotificationType type, Locale language, Map<String, Object> variables,
			Object... subjectArguments) {
		Context context = new Context(language, variables);
		String name = type.templateName();
		return new MailContent(messages.getMessage(type.messagePrefix() + ".subject", subjectArguments, language),
				engine.process("mail/" + name + ".txt", context), engine.process("mail/" + name, context), language);
	}
}
