/*
 * bench/LuceneTokens.java -- the Lucene anchor of bench/tokens.sh: Lucene
 * 4.10's ArabicAnalyzer (Debian liblucene4.10-java) over the same input as
 * `nazif tokens --profile=search --stemmer=light --format=tsv`, writing the
 * same kind of output: one token a line, TOKEN<TAB>START<TAB>END (Lucene's
 * offsets count UTF-16 units, not bytes).
 *
 *   java -cp BUILD/bench:/usr/share/java/lucene-core-4.10.4.jar:\
 *     /usr/share/java/lucene-analyzers-common-4.10.4.jar LuceneTokens < in > out
 *
 * ArabicAnalyzer is StandardTokenizer, LowerCaseFilter, StopFilter (its
 * Arabic stop words), ArabicNormalizationFilter and ArabicStemFilter
 * (light10); nazif's command keeps stop words unless --stopwords is given,
 * so Lucene writes somewhat fewer tokens.  The input is read whole and
 * decoded as UTF-8 (malformed bytes become U+FFFD), then analysed line by
 * line with one reused TokenStream, as an indexer would feed documents.
 * On stderr: the tokens, and the seconds spent decoding + analysing +
 * writing (without the JVM's start), so the script can report both the
 * command's wall time and the analyser's own rate.
 */
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

public class LuceneTokens {
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 24);
        InputStream in = System.in;
        byte[] chunk = new byte[1 << 20];
        for (int n; (n = in.read(chunk)) > 0;) buf.write(chunk, 0, n);
        byte[] bytes = buf.toByteArray();

        long t0 = System.nanoTime();
        String text = new String(bytes, StandardCharsets.UTF_8);
        BufferedWriter out = new BufferedWriter(
            new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20);
        ArabicAnalyzer analyzer = new ArabicAnalyzer();
        long tokens = 0;
        int lineStart = 0;
        BufferedReader lines = new BufferedReader(new StringReader(text), 1 << 16);
        for (String line; (line = lines.readLine()) != null;) {
            TokenStream ts = analyzer.tokenStream("body", line);
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.append(term);
                out.write('\t');
                out.write(Integer.toString(lineStart + off.startOffset()));
                out.write('\t');
                out.write(Integer.toString(lineStart + off.endOffset()));
                out.write('\n');
                tokens++;
            }
            ts.end();
            ts.close();
            lineStart += line.length() + 1;
        }
        out.flush();
        long t1 = System.nanoTime();
        analyzer.close();
        System.err.printf("lucene: %d tokens, %.3f s in the analyser%n", tokens, (t1 - t0) / 1e9);
    }
}
