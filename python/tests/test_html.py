"""CorpusCleaner.clean_html(): HTML pages through the library's corpus API,
on the invented Arabic news pages of tests/corpus-data/make-articles.py
(utf-8, windows-1256 and ISO-8859-6 pages with menus, related lists,
share bars, comments and footers around the article): the article's
headline and paragraphs and nothing else, the page's headline, date and
author, the same text and fields as `nazif clean --format=html`, the
default filters, html='text' and title='off', and bad arguments."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest

import nazif


@pytest.fixture(scope="module")
def ma(top):
    data = os.path.join(top, "tests", "corpus-data")
    if data not in sys.path:
        sys.path.insert(0, data)  # its warclib
    path = os.path.join(data, "make-articles.py")
    spec = importlib.util.spec_from_file_location("make_articles", path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


@pytest.fixture(scope="module")
def pages(ma):
    """name -> (HTML bytes, HTTP Content-Type), as in articles.warc."""
    return {
        "utf8-modern": (ma.utf8_modern.encode("utf-8"), "text/html; charset=utf-8"),
        "cp1256-table": (ma.cp1256_table.encode("cp1256"), "text/html"),
        "iso-8859-6": (ma.iso_8859_6.encode("iso8859_6"), "text/html; charset=ISO-8859-6"),
        "youm7-like": (ma.youm7_like.encode("utf-8"), "text/html; charset=utf-8"),
    }


ARTICLES = ("utf8-modern", "cp1256-table", "iso-8859-6", "youm7-like")


@pytest.mark.parametrize("key", ARTICLES)
def test_article_and_fields(ma, pages, key):
    body, ctype = pages[key]
    r = nazif.CorpusCleaner().clean_html(body, content_type=ctype)
    lines = r["text"].split("\n")
    assert lines[0] == ma.HEADLINES[key]
    assert lines[1:] == ma.ARTICLES[key]
    for f in ma.FURNITURE + ma.COMMENTS:
        assert f not in lines
    assert r["reason"] is None and r["value"] is None and r["skip"] is None
    assert r["found"] is True
    headline, published, author = ma.META[key]
    assert (r["headline"], r["published"], r["author"]) == (headline, published or "", author or "")
    assert r["charset"] == {"cp1256-table": "windows-1256",
                            "iso-8859-6": "iso-8859-6"}.get(key, "utf-8")
    assert r["invalid"] == 0


def test_charset_from_meta_without_content_type(ma, pages):
    # the windows-1256 page says its charset in <meta http-equiv>
    body, _ = pages["cp1256-table"]
    r = nazif.CorpusCleaner(filters="none").clean_html(body)
    assert r["charset"] == "windows-1256"
    assert r["text"].split("\n")[1:] == ma.ARTICLES["cp1256-table"]


def test_str_is_utf8(ma, pages):
    # a str is already decoded: a <meta charset> in it no longer holds
    html = pages["cp1256-table"][0].decode("cp1256")
    r = nazif.CorpusCleaner(filters="none").clean_html(html)
    assert r["charset"] == "utf-8"
    assert r["text"].split("\n")[1:] == ma.ARTICLES["cp1256-table"]


def test_same_as_the_command(nazif_bin, pages, tmp_path):
    cc = nazif.CorpusCleaner(filters="none")
    for key in ARTICLES:
        body, ctype = pages[key]
        if key == "iso-8859-6":
            continue  # its charset is only in the Content-Type, which a file lacks
        p = tmp_path / (key + ".html")
        p.write_bytes(body)
        out = subprocess.run([nazif_bin, "clean", "--format=html", "--filters=none", str(p)],
                             check=True, stdout=subprocess.PIPE).stdout.decode()
        d = json.loads(out.splitlines()[0])
        r = cc.clean_html(body, content_type=ctype)
        assert r["text"] == d["text"], key
        assert r["headline"] == (d["headline"] or "")
        assert r["published"] == (d["published"] or "")
        assert r["author"] == (d["author"] or "")


def test_html_text_keeps_the_page(ma, pages):
    body, ctype = pages["youm7-like"]
    main = nazif.CorpusCleaner(filters="none").clean_html(body, content_type=ctype)
    whole = nazif.CorpusCleaner(filters="none", html="text").clean_html(body, content_type=ctype)
    assert sum(f in whole["text"] for f in ma.FURNITURE) >= 2
    assert not any(f in main["text"].split("\n") for f in ma.FURNITURE)
    assert whole["headline"] == "" and whole["found"] is False


def test_title_off(ma, pages):
    body, ctype = pages["utf8-modern"]
    r = nazif.CorpusCleaner(title="off").clean_html(body, content_type=ctype)
    assert r["text"].split("\n") == ma.ARTICLES["utf8-modern"]
    assert r["headline"] == ma.HEADLINES["utf8-modern"]


def test_index_page_rejected(ma):
    r = nazif.CorpusCleaner().clean_html(ma.index_page.encode("utf-8"))
    assert r["found"] is False
    assert r["reason"] is not None


def test_unsupported_charset_is_skipped():
    r = nazif.CorpusCleaner().clean_html(b"<html><body><p>x</p></body></html>",
                                         content_type="text/html; charset=koi8-r")
    assert r["skip"] == "charset" and r["text"] == "" and r["reason"] is None


def test_site_and_lines_repeated(ma):
    para = " ".join(ma.ARTICLES["utf8-modern"][:2])
    page = ("<html><head><meta charset='utf-8'><title>t</title></head><body><article>"
            "<h1>%s</h1><p>%s</p><p>%s</p><p>نشرة الموقع الأسبوعية</p></article></body></html>"
            % (ma.HEADLINES["utf8-modern"], para, para)).encode("utf-8")
    lf = nazif.LineFreq()
    cc = nazif.CorpusCleaner(filters="none", linefreq=lf, linefreq_stream=True, linefreq_min=2)
    first = cc.clean_html(page, site="http://news.example/1")
    assert "نشرة الموقع الأسبوعية" in first["text"].split("\n")
    second = cc.clean_html(page, site="http://news.example/2")
    # counted under the URL's host: on two pages of the site, it goes
    assert lf.docs("news.example") == 2
    assert cc.lines_repeated == 1
    assert "نشرة الموقع الأسبوعية" not in second["text"].split("\n")
    assert second["lines_dropped"] == first["lines_dropped"] + 1


def test_bad_arguments():
    cc = nazif.CorpusCleaner()
    with pytest.raises(TypeError):
        cc.clean_html(b"<p>x</p>", content_type=b"text/html")
    with pytest.raises(TypeError):
        cc.clean_html(12)
    assert cc.clean_html(b"")["text"] == ""


def test_boilerplate_article_for_another_extractor():
    # text another extractor chose as the article: its table of short
    # Latin cells stays with boilerplate="article", the "read also" line
    # goes either way
    text = ("The coach named the starting line-up for Saturday's match after a long training week.\n"
            "Player\nPos\nStats\nLena Fischer\nTom Ruiz\n"
            "The team plays at home on Saturday, the coach told reporters after training.\n"
            "اقرأ أيضا\n")
    cells = ["Player", "Pos", "Stats", "Lena Fischer", "Tom Ruiz"]
    plain = nazif.clean(text).split("\n")
    art = nazif.clean(text, boilerplate="article").split("\n")
    assert sum(c in plain for c in cells) < len(cells)
    assert all(c in art for c in cells)
    assert "اقرأ أيضا" not in art and "اقرأ أيضا" not in plain
    cc = nazif.CorpusCleaner(filters="none", boilerplate="article")
    assert all(c in cc.clean(text)[0].split("\n") for c in cells)
    with pytest.raises(nazif.OptionError):
        nazif.clean(text, boilerplate="articles")
