import { expect } from '@open-wc/testing';
import { toPlainText } from '../../src/sources/plain-text.js';

const TAG = /<\/?[a-z][^>]*>/i;
const LINK = /!?\[[^\]]*\]\([^)]*\)/;

describe('toPlainText: HTML (Statuspage bodies)', () => {
  it('turns <br> and <br /> into newlines, two of them into a paragraph break', () => {
    expect(toPlainText('one<br>two<BR/>three<br />four')).to.equal('one\ntwo\nthree\nfour');
    expect(
      toPlainText(
        'We are seeing up to 2% of Git SSH connections failing.<br /><br />We have taken suspected problematic hosts out of rotation.',
      ),
    ).to.equal(
      'We are seeing up to 2% of Git SSH connections failing.\n\nWe have taken suspected problematic hosts out of rotation.',
    );
  });

  it('turns <p>, </p> and <div> boundaries into exactly one paragraph break', () => {
    expect(toPlainText('<p>First</p><p>Second</p>')).to.equal('First\n\nSecond');
    expect(toPlainText('<div>A</div><div>B</div>\n\n\n<p>C</p>')).to.equal('A\n\nB\n\nC');
    expect(toPlainText('Intro<p>Para')).to.equal('Intro\n\nPara');
  });

  it('removes other tags and keeps their text', () => {
    expect(toPlainText('See <a href="https://x.example/a?b=1&amp;c=2">the <b>details</b></a> <span class="x">here</span>.')).to.equal(
      'See the details here.',
    );
    expect(toPlainText('<ul><li>one</li><li>two</li></ul>')).to.equal('• one\n• two');
  });

  it('drops comments and the content of script and style', () => {
    expect(toPlainText('a<!-- hidden <b>x</b> -->b<script>alert(1)</script>c<style>p{}</style>d')).to.equal('abcd');
    expect(toPlainText('a<!-- never closed')).to.equal('a');
  });

  it('keeps a < that opens no tag', () => {
    expect(toPlainText('latency < 5 ms and > 2 ms, <3')).to.equal('latency < 5 ms and > 2 ms, <3');
    expect(toPlainText('a <b')).to.equal('a <b');
  });

  it('reads a real Slack note: paragraphs, a line break, &nbsp; and an empty paragraph', () => {
    // From slack-status.com (test/fixtures/real/slack, incident 1576 and 1575).
    expect(
      toPlainText(
        '<p>We\'re continuing our restoration efforts regarding this issue affecting a subset of channels with custom message retention settings. While we work to resolve this issue, data retention processing remains paused for affected customers.&nbsp;</p><p><br></p><p>We will provide another update as additional information becomes available.</p>',
      ),
    ).to.equal(
      "We're continuing our restoration efforts regarding this issue affecting a subset of channels with custom message retention settings. While we work to resolve this issue, data retention processing remains paused for affected customers.\n\nWe will provide another update as additional information becomes available.",
    );
    expect(toPlainText('<p>The Search bar and Admin dashboard&nbsp; is restored for all users.<br>We apologize.</p><p><br></p>')).to.equal(
      'The Search bar and Admin dashboard is restored for all users.\nWe apologize.',
    );
  });

  it('decodes entities after the tags are gone', () => {
    expect(toPlainText('Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;a&#39; &apos;b&apos; x&nbsp;y &#65;&#x42;&#X43;')).to.equal(
      'Tom & Jerry <3 "hi" \'a\' \'b\' x y ABC',
    );
    // Written as entities, a tag is text its author wanted shown: it stays visible, defused by an invisible U+2060
    // after its `<` so that it never reads as markup again.
    expect(toPlainText('&lt;b&gt;bold&lt;/b&gt;')).to.equal('<\u2060b>bold<\u2060/b>');
    expect(toPlainText('&lt;!-- x --&gt; &lt;https://x.example&gt;')).to.equal('<\u2060!-- x --> <\u2060https://x.example>');
    expect(toPlainText('&unknown; &#0; &#xD800; &#x110000;')).to.equal('&unknown; \ufffd \ufffd \ufffd');
  });

  it('decodes what was encoded twice (editors and relays do), until no entity is left', () => {
    // Before: one pass left `&lt;` and `&nbsp;` on the banner.
    expect(toPlainText('&amp;lt;')).to.equal('<');
    expect(toPlainText('We&amp;rsquo;re on it&amp;nbsp;now &amp;amp;amp; later')).to.equal('We’re on it now & later');
  });

  it('reads no Markdown in what was written as entities: "&gt;50%" keeps its ">"', () => {
    // A real Slack note's shape; the ">" was read as a quote marker, turning "more than half" into "half".
    expect(toPlainText('<p>&gt;50% of channels with custom retention are affected.</p>')).to.equal('>50% of channels with custom retention are affected.');
    expect(toPlainText('&gt; 50% failing<br /><br />&#35;1 priority, &#42;&#42;all&#42;&#42; hands, snake&#95;case&#95;')).to.equal(
      '> 50% failing\n\n#1 priority, **all** hands, snake_case_',
    );
    expect(toPlainText('&#91;not a link&#93;&#40;https://x.example&#41; &#96;x&#96; &#92;*')).to.equal('[not a link] (https://x.example) `x` \\*');
    // Encoded twice, the same; real Markdown around it is still read; the parking range stays out, however written.
    expect(toPlainText('&amp;gt;50% and &amp;#42;x&amp;#42;')).to.equal('>50% and *x*');
    expect(toPlainText('> quoted **bold** &gt; kept')).to.equal('quoted bold > kept');
    expect(toPlainText('a&#xE03E;b\ue02ac&#57406;d')).to.equal('abcd');
    // A title reads no Markdown at all: the same text, the same result.
    expect(toPlainText('&gt;50% &#42;x&#42;', true)).to.equal('>50% *x*');
  });

  it('decodes the references editors write: quotes, dashes, spaces, symbols; any character by number', () => {
    expect(toPlainText('&ldquo;Down&rdquo; &lsquo;x&rsquo; &sbquo;y&bdquo; &laquo;z&raquo; &ndash; &mdash; &hellip; &bull; &middot;')).to.equal(
      '“Down” ‘x’ ‚y„ «z» – — … • ·',
    );
    expect(toPlainText('&copy; &reg; &trade; &euro;5 &pound;3 &deg;C Stra&szlig;e &AMP; &QUOT;q&QUOT; Caf&#233; &#x1F525;')).to.equal(
      '© ® ™ €5 £3 °C Straße & "q" Café 🔥',
    );
    // A non-breaking space is a space; a soft hyphen is a hint to the renderer, not a character.
    expect(toPlainText('a&nbsp;&nbsp;b super&shy;cali')).to.equal('a b supercali');
  });
});

describe('toPlainText: Markdown (incident.io bodies)', () => {
  it('keeps the text of links, with or without a title, and the alt of images', () => {
    expect(toPlainText('Contact [our support team](mailto:support@openai.com "Email support") today.')).to.equal(
      'Contact our support team today.',
    );
    expect(toPlainText('[docs](https://x.example/a_(b)) and ![a diagram](https://x.example/d.png)')).to.equal(
      'docs and a diagram',
    );
    expect(toPlainText('[[nested](a)](b)')).to.equal('nested');
  });

  it('turns autolinks into their URL', () => {
    expect(toPlainText('See <https://status.example.com/incidents/1> or <mailto:help@example.com>.')).to.equal(
      'See https://status.example.com/incidents/1 or mailto:help@example.com.',
    );
  });

  it('unwraps bold and italic, leaving snake_case, lone asterisks and URLs alone', () => {
    expect(toPlainText('**bold** __strong__ *em* _it_')).to.equal('bold strong em it');
    expect(toPlainText('set max_retry_count and 2 * 3 * 4, a*b')).to.equal('set max_retry_count and 2 * 3 * 4, a*b');
    expect(toPlainText('see https://x.example/_a_/b and _this_')).to.equal('see https://x.example/_a_/b and this');
    expect(toPlainText('\\*not emphasis\\*')).to.equal('*not emphasis*');
  });

  it('removes inline code backticks and keeps the code as written', () => {
    expect(toPlainText('Run `npm_config *x*` now')).to.equal('Run npm_config *x* now');
  });

  it('drops heading and quote markers; list markers become bullets', () => {
    expect(toPlainText('## Update\n> We are on it\n> still\n- one\n* two\n+ three\n1. four')).to.equal(
      'Update\nWe are on it\nstill\n• one\n• two\n• three\n1. four',
    );
    expect(toPlainText('#hashtag stays')).to.equal('#hashtag stays');
  });

  it('reads a real incident.io-style body: paragraphs, curly quotes, a mailto link with a title', () => {
    const body =
      'We’re seeing “elevated errors” for **ChatGPT**.\n\nIf this continues, contact [support](mailto:support@openai.com "Email OpenAI support").';
    expect(toPlainText(body)).to.equal(
      'We’re seeing “elevated errors” for ChatGPT.\n\nIf this continues, contact support.',
    );
  });
});

describe('toPlainText: one line (titles)', () => {
  it('removes tags, decodes entities and makes one line of every run of whitespace', () => {
    expect(toPlainText(' <b>Market</b> data\r\n\tdelayed&nbsp;&amp; <i>late</i>\u2028again ', true)).to.equal('Market data delayed & late again');
    expect(toPlainText('<p>One</p><p>Two</p>', true)).to.equal('One Two');
  });

  it('reads no Markdown: a title\'s *, _, # and brackets are the author\'s', () => {
    expect(toPlainText('# 1 [Scheduled] *.example.com __init__ - [x](y)', true)).to.equal('# 1 [Scheduled] *.example.com __init__ - [x](y)');
  });

  it('is capped at the title limit, and markup alone is nothing', () => {
    expect(toPlainText('x'.repeat(1000), true)).to.have.length(300);
    expect(toPlainText('<img src=x onerror=alert(1)><br/>', true)).to.equal('');
  });
});

describe('toPlainText: its own output is a fixed point', () => {
  it('flattening twice gives what flattening once gave', () => {
    for (const input of [
      '&lt;script&gt;alert(1)&lt;/script&gt; in a title',
      '&amp;lt;b&amp;gt; &lt;!-- not a comment',
      'Tom &amp; Jerry &lt;3 <b>bold</b>\r\n\r\n\r\n&nbsp; x',
      '&lt;https://status.example.com&gt;',
    ]) {
      for (const line of [false, true]) {
        const once = toPlainText(input, line);
        expect(toPlainText(once, line), input).to.equal(once);
        expect(once, input).not.to.match(TAG);
      }
    }
  });
});

describe('toPlainText: whitespace and limits', () => {
  it('normalises \\r\\n, keeps paragraph breaks as exactly \\n\\n, collapses spaces and trims', () => {
    expect(toPlainText('  a  \r\nb\t\tc\r\n\r\n\r\n\r\nd   \n \n \n e  ')).to.equal('a\nb c\n\nd\n\ne');
    expect(toPlainText('x\n\n\n\n\ny')).to.equal('x\n\ny');
  });

  it('removes control and bidi override characters', () => {
    expect(toPlainText('a\u0000b\u001bc\u202ed\u2066e')).to.equal('abcde');
  });

  it('returns an empty string for empty or markup-only input, and for non-strings', () => {
    expect(toPlainText('')).to.equal('');
    expect(toPlainText('  <br /><p></p>  ')).to.equal('');
    expect(toPlainText(undefined as unknown as string)).to.equal('');
    expect(toPlainText(42 as unknown as string)).to.equal('');
  });

  it('caps the output at 4000 characters with an ellipsis', () => {
    const out = toPlainText('word '.repeat(2000));
    expect(out).to.have.length(4000);
    expect(out.endsWith('…')).to.equal(true);
  });

  it('never leaves tag or link markup behind', () => {
    for (const input of [
      '<b>bold</b> [x](y) <i>it</i>',
      '[a [b](c)](d)',
      '[[[x](1)](2)](3)',
      '<a href="[x](y)">[t](u)</a>',
      '[x]<b>(y)</b>',
      '<<b>>x<</b>>',
      '<scr<script>ipt>alert(1)</script>',
    ]) {
      const out = toPlainText(input);
      expect(out, input).not.to.match(TAG);
      expect(out, input).not.to.match(LINK);
    }
  });

  it('handles 5 MB strings of every shape in linear time', () => {
    const size = 5 * 1024 * 1024;
    const shapes = ['a', '<', '<a ', '[a](', '**a', '_a ', '&#', '<!--', '](', '`', '\n', '*', '<br>', '[x](y) ', '&amp;', '&lt;b&gt;'];
    // Built before the clock starts: making the 5 MB strings is the test's work, not the flattening's.
    const inputs = shapes.map((shape) => shape.repeat(Math.ceil(size / shape.length)));
    // Judged against plain letters of the same length on the same machine, at the same moment, so that a slow or
    // busy machine changes nothing: linear work stays within a small multiple of them, while quadratic work on
    // the 64 000 characters read would take thousands of times as long.
    const time = (input: string) => {
      const started = performance.now();
      toPlainText(input);
      return performance.now() - started;
    };
    const best = (input: string) => Math.min(time(input), time(input), time(input));
    const letters = best(inputs[0]!);
    inputs.forEach((input, i) => {
      const out = toPlainText(input);
      expect(out.length).to.be.at.most(4000);
      expect(out).not.to.match(TAG);
      expect(out).not.to.match(LINK);
      expect(best(input), JSON.stringify(shapes[i])).to.be.below(100 * letters + 100);
    });
  });

  it('cuts a tag left open by the input limit', () => {
    const out = toPlainText(`${'x '.repeat(10_000)}<a href="${'h'.repeat(100_000)}">`);
    expect(out).not.to.contain('<');
  });
});
