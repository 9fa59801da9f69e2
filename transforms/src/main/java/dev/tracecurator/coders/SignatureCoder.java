package dev.tracecurator.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A MinHash signature: its length, then each hash as four bytes. Deterministic. */
public final class SignatureCoder extends AtomicCoder<int[]> {
  private static final VarIntCoder LENGTH = VarIntCoder.of();

  public static SignatureCoder of() {
    return new SignatureCoder();
  }

  @Override
  public void encode(int[] signature, OutputStream out) throws IOException {
    LENGTH.encode(signature.length, out);
    DataOutputStream data = new DataOutputStream(out);
    for (int h : signature) {
      data.writeInt(h);
    }
    data.flush();
  }

  @Override
  public int[] decode(InputStream in) throws IOException {
    int length = LENGTH.decode(in);
    DataInputStream data = new DataInputStream(in);
    int[] signature = new int[length];
    for (int i = 0; i < length; i++) {
      signature[i] = data.readInt();
    }
    return signature;
  }

  @Override
  public void verifyDeterministic() {
    // a fixed-width encoding of each hash
  }
}
