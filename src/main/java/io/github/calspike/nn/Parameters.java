package io.github.calspike.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Block parameters as bytes: DJL's own parameter encoding, without any epoch-numbered file. */
public final class Parameters {

	private Parameters() {}

	/** @return the parameters of an initialised block */
	public static byte[] save(Block block) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			block.saveParameters(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/**
	 * Loads parameters saved by {@link #save} into a block of the same structure.
	 *
	 * @throws MalformedModelException if the bytes do not fit the block
	 */
	public static void load(Block block, NDManager manager, byte[] parameters)
		throws MalformedModelException
	{
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
			block.loadParameters(manager, in);
		}
		catch (IOException | RuntimeException e) {
			throw new MalformedModelException("Parameters do not fit the network: " + e.getMessage(),
				e);
		}
	}
}
