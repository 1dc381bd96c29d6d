package io.github.calspike.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.calspike.infer.TensorFlowSettings;
import io.github.calspike.register.RegistrationConfig;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Every choice a user types is read by one rule, and a wrong one names what is accepted. */
class ChoicesTest {

	@Test
	void caseBlanksAndBlanksAroundCommasDoNotMatter() {
		assertEquals(Normalization.NOISE, Normalization.fromLabel(" Noise Units "));
		assertEquals(Normalization.NOISE, Normalization.fromLabel("noise"));
		assertEquals(RegistrationConfig.Reference.ITERATIVE, RegistrationConfig.Reference.fromLabel(
			"Iterative "));
		assertEquals(TensorFlowSettings.Layout.SAMPLES_BINS_FEATURES, TensorFlowSettings.Layout
			.fromLabel("samples, bins , features"));
		assertEquals(TensorFlowSettings.Features.X_DX_X2, TensorFlowSettings.Features.fromLabel(
			"X, dx, x2"));
		assertEquals(TensorFlowSettings.Kind.RATE, TensorFlowSettings.Kind.fromLabel("RATE"));
	}

	@Test
	void anUnknownChoiceIsNamedWithEveryAcceptedOne() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TensorFlowSettings.Kind.fromLabel("probabilty"));
		assertEquals("Unknown kind 'probabilty'; use 'probability' or 'rate'", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> TensorFlowSettings.Layout.fromLabel(
			"samples bins"));
		assertEquals("Unknown layout 'samples bins'; use 'samples,bins' or 'samples,bins,features'", e
			.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Normalization.fromLabel(""));
		String[] labels = new String[Normalization.values().length];
		for (int i = 0; i < labels.length; i++) labels[i] = "'" + Normalization.values()[i].label() + "'";
		String allButLast = String.join(", ", Arrays.copyOf(labels, labels.length - 1));
		assertEquals("Unknown normalization ''; use " + allButLast + " or " + labels[labels.length - 1],
			e.getMessage());
	}
}
