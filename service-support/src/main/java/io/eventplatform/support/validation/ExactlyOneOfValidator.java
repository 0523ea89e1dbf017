package io.eventplatform.support.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.jspecify.annotations.Nullable;

class ExactlyOneOfValidator implements ConstraintValidator<ExactlyOneOf, Record> {

	private List<String> names = List.of();

	@Override
	public void initialize(ExactlyOneOf constraint) {
		names = List.of(constraint.value());
	}

	@Override
	public boolean isValid(@Nullable Record value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		List<String> given = new ArrayList<>();
		for (String name : names) {
			if (component(value, name) != null) {
				given.add(name);
			}
		}
		if (given.size() == 1) {
			return true;
		}
		String message = "give exactly one of " + String.join(", ", names);
		context.disableDefaultConstraintViolation();
		List<String> named = given.isEmpty() ? names.subList(0, 1) : given.subList(1, given.size());
		named.forEach(name -> context.buildConstraintViolationWithTemplate(message)
			.addPropertyNode(name)
			.addConstraintViolation());
		return false;
	}

	private static @Nullable Object component(Record value, String name) {
		RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
			.filter(candidate -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(value.getClass().getName() + " has no component " + name));
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(value);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + name + " of " + value.getClass().getName(), ex);
		}
	}
}
