package dev.tracecurator.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * A join of one value per key (the head: a representative, a label, a signature) with many (the
 * tail: member ids), read in one pass. Beam's {@code CoGroupByKey} reads a group of more than
 * 10,000 values twice, which Flink refuses ("GBK result is not re-iterable"), and a bucket of
 * 10,000 near duplicates is such a group. Here the group is read once; tail values that arrive
 * before the head are held until it comes, so memory is at most one group's tail values, which
 * callers keep to row ids (tens of bytes each).
 */
public final class HeadJoin {
  private HeadJoin() {}

  /** A head (tail null) or a tail value (head null). */
  public record Item<H, T>(H head, T tail) {}

  /** Heads and tails by key, as one grouped collection for {@link #forEach}. */
  public static <K, H, T> PCollection<KV<K, Iterable<Item<H, T>>>> group(String name, PCollection<KV<K, H>> heads,
      PCollection<KV<K, T>> tails, Coder<K> key, Coder<H> head, Coder<T> tail) {
    KvCoder<K, Item<H, T>> coder = KvCoder.of(key, new ItemCoder<>(head, tail));
    PCollection<KV<K, Item<H, T>>> h = heads.apply(name + "Heads", MapElements.via(new SimpleFunction<KV<K, H>, KV<K, Item<H, T>>>() {
      @Override
      public KV<K, Item<H, T>> apply(KV<K, H> kv) {
        return KV.of(kv.getKey(), new Item<>(kv.getValue(), null));
      }
    })).setCoder(coder);
    PCollection<KV<K, Item<H, T>>> t = tails.apply(name + "Tails", MapElements.via(new SimpleFunction<KV<K, T>, KV<K, Item<H, T>>>() {
      @Override
      public KV<K, Item<H, T>> apply(KV<K, T> kv) {
        return KV.of(kv.getKey(), new Item<>(null, kv.getValue()));
      }
    })).setCoder(coder);
    return PCollectionList.of(h).and(t).apply(name + "Both", Flatten.pCollections()).apply(name + "Group", GroupByKey.create());
  }

  /**
   * Reads a group once, handing each tail value to {@code action} with the head; returns the head,
   * null when the key has none (its tail values are then dropped). With several heads (a row id
   * read twice) the first is used.
   */
  public static <H, T> H forEach(Iterable<Item<H, T>> group, BiConsumer<H, T> action) {
    H head = null;
    List<T> waiting = new ArrayList<>();
    for (Item<H, T> item : group) {
      if (item.head() != null) {
        if (head == null) {
          head = item.head();
          for (T t : waiting) {
            action.accept(head, t);
          }
          waiting = null;
        }
      } else if (head != null) {
        action.accept(head, item.tail());
      } else {
        waiting.add(item.tail());
      }
    }
    return head;
  }

  static final class ItemCoder<H, T> extends CustomCoder<Item<H, T>> {
    private final NullableCoder<H> head;
    private final NullableCoder<T> tail;

    ItemCoder(Coder<H> head, Coder<T> tail) {
      this.head = NullableCoder.of(head);
      this.tail = NullableCoder.of(tail);
    }

    @Override
    public void encode(Item<H, T> item, OutputStream out) throws IOException {
      head.encode(item.head(), out);
      tail.encode(item.tail(), out);
    }

    @Override
    public Item<H, T> decode(InputStream in) throws IOException {
      return new Item<>(head.decode(in), tail.decode(in));
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(head, tail);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      head.verifyDeterministic();
      tail.verifyDeterministic();
    }
  }
}
