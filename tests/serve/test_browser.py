#!/usr/bin/env python3
"""nazif serve in a real browser: Debian's Chromium, headless, driven by
Debian's python3-selenium through Debian's chromedriver (no browser is
downloaded).

usage: test_browser.py NAZIF DB SHOTS_DIR PROFILE_DIR

Starts `NAZIF serve DB` on a free loopback port, searches for plain words
and checks that the obfuscated spellings are highlighted, opens a document
and checks its restorations and struck-through furniture lines, checks that
a hostile document shows as text, looks at the corpus page, and saves a
screenshot of each page in SHOTS_DIR.  Prints "serve-browser: N passed, M
failed".
"""
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse

import serverlib
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

NAZIF, DB, SHOTS, PROFILE = sys.argv[1:5]
T = Checks("serve-browser")
check = T.named



log_path = os.path.join(SHOTS, "serve.log")
proc, port = serverlib.start(NAZIF, DB, log_path)
base = "http://127.0.0.1:%d" % port

opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + PROFILE, "--window-size=1280,1000",
          "--lang=ar"):
    opts.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
wait = WebDriverWait(driver, 20)


def shot(name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def no_alert():
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


try:
    # ---- search: type a plain word, see the obfuscated spelling highlighted
    driver.get(base + "/")
    check("page is right to left", driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl")
    box = wait.until(EC.presence_of_element_located((By.ID, "q")))
    box.send_keys("التوتر", Keys.ENTER)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results li")))
    marks = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#results mark.hit")]
    check("the obfuscated التـ.ـوتر is highlighted for التوتر", "التـ.ـوتر" in marks, marks)
    check("the address carries the query", "q=" in driver.current_url)
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("قصف", Keys.ENTER)
    wait.until(lambda d: "%D9%82%D8%B5%D9%81" in d.current_url.upper() and d.find_elements(By.CSS_SELECTOR, "#results li"))
    wait.until(lambda d: any(e.text == "بقـ.ـصف" for e in d.find_elements(By.CSS_SELECTOR, "#results mark.hit")))
    marks = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#results mark.hit")]
    check("بقـ.ـصف and القـ.ـصف highlighted for قصف", {"بقـ.ـصف", "القـ.ـصف"} <= set(marks), marks)
    status = driver.find_element(By.ID, "status").text
    check("result count shown", re.search(r"[٠-٩0-9]", status) is not None, status)
    shot("serve-search")

    # a query with a syntax error: a clear message, no results
    driver.get(base + "/?q=" + urllib.parse.quote('"غير مغلق'))
    err = wait.until(EC.presence_of_element_located((By.ID, "error")))
    check("syntax error message shown", "syntax" in err.text, err.text)

    # ---- a document: restorations in place, dropped lines struck through
    driver.get(base + "/?q=" + urllib.parse.quote("التوتر"))
    link = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, '#results a.title[href^="/doc?id=a1&"]')))
    link.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".panes .text")))
    check("document view address", "/doc?id=a1" in driver.current_url, driver.current_url)
    orig = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".text.orig mark.edit")]
    clean = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".text.clean mark.edit")]
    check("original side marks the obfuscated words", {"التـ.ـوتر", "بقـ.ـصف", "النـ.ار"} <= set(orig), orig)
    check("cleaned side shows them restored", {"التوتر", "بقصف", "النار"} <= set(clean), clean)
    dels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".text.orig del.drop")]
    check("furniture lines struck through", any("تخطى إلى المحتوى" in t for t in dels) and
          any("اقرأ أيضاً" in t for t in dels), dels)
    edit = driver.find_element(By.CSS_SELECTOR, ".text.orig mark.edit")
    check("rule and evidence on hover", re.match(r"P\d+: ", edit.get_attribute("title") or "") is not None,
          edit.get_attribute("title"))
    edit.click()
    detail = driver.find_element(By.ID, "detail").text
    check("tap shows the rule and the evidence", re.search(r"P\d+", detail) and "←" in detail, detail)
    check("no stray text in the view", "null" not in driver.find_element(By.TAG_NAME, "main").text)
    check("changes table", len(driver.find_elements(By.CSS_SELECTOR, "#changes tbody tr")) >= 5)
    check("link to the raw JSON", driver.find_element(By.ID, "raw").get_attribute("href").endswith("/api/doc/a1"))
    shot("serve-doc")
    # toggled to the cleaned text alone: the furniture line is gone when hidden
    driver.find_element(By.CSS_SELECTOR, "button[data-mode=clean]").click()
    driver.find_element(By.CSS_SELECTOR, ".toggles input[type=checkbox]").click()
    txt = driver.find_element(By.CSS_SELECTOR, ".text.clean").text
    check("cleaned text alone, dropped lines hidden", "تخطى" not in txt and "التوتر" in txt and
          not driver.find_elements(By.CSS_SELECTOR, ".text.orig"), txt[:80])
    # on a phone
    driver.set_window_size(390, 844)
    driver.refresh()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".panes .text")))
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check("no sideways scrolling on a phone", width <= 400, width)
    shot("serve-doc-phone")
    driver.set_window_size(1280, 1000)

    # ---- a hostile document shows as text
    hostile = 'x"<b>3</b>'
    driver.get(base + "/doc?id=" + urllib.parse.quote(hostile, safe=""))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".panes .text")))
    time.sleep(0.3)
    body = driver.find_element(By.TAG_NAME, "main").text
    check("hostile title shown as text", "<script>alert('t')</script>" in body, body[:200])
    check("hostile markup shown as text", '"><img src=x onerror=alert(1)>' in body, body[:200])
    check("no element made from the document", not driver.find_elements(By.CSS_SELECTOR, "main img, main script, main b"))
    check("no script of the document ran", no_alert() and driver.title != "pwned", driver.title)
    driver.get(base + "/?q=" + urllib.parse.quote("نص خبيث OR عنوان"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results li")))
    check("hostile title in results shown as text", "<script>" in driver.find_element(By.ID, "results").text and
          no_alert() and not driver.find_elements(By.CSS_SELECTOR, "#results script, #results img"))

    # ---- the corpus page
    driver.get(base + "/corpus")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart rect")))
    wait.until(EC.presence_of_element_located((By.ID, "top")))
    cards = driver.find_element(By.ID, "cards").text
    check("corpus figures", "وثيقة" in cards, cards)
    words = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#top tbody td:first-child")]
    check("most restored words listed", "القصف" in words, words)
    check("chart drawn inline", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) >= 2)
    shot("serve-corpus")
    # a restored word links to a search for it
    driver.find_element(By.CSS_SELECTOR, "#top tbody td a").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results li")))
    check("word links to its search", len(driver.find_elements(By.CSS_SELECTOR, "#results mark.hit")) >= 1)
    # the 400 of the syntax-error query above is expected; nothing else
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and
              "status of 400" not in e.get("message", "")]
    check("no errors in the browser console", not errors, errors[:3])
except Exception as e:  # noqa: BLE001 -- a failed step is a failed check, with a picture
    T.failed += 1
    print("FAIL: %s: %s at %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "", driver.current_url))
    shot("serve-failure")
    print("server log:\n" + serverlib.read_log(log_path))
finally:
    driver.quit()
    proc.send_signal(signal.SIGTERM)
    proc.wait(20)

T.finish()
