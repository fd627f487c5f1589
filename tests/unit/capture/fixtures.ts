import type { PageMetadata } from '@/utils/capture/types';

/** A page's HTML and what both readers must make of it. */
export interface PageFixture {
  name: string;
  pageUrl: string;
  html: string;
  expected: PageMetadata;
}

const page = 'https://news.example/2024/story.html?ref=home';

/** Pages that happy-dom's DOMParser and our tokenizer both parse as a browser would. */
export const PAGE_FIXTURES: PageFixture[] = [
  {
    name: 'full Open Graph page',
    pageUrl: page,
    html: `<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>Story &ndash; News Example</title>
  <link rel="canonical" href="https://news.example/2024/story">
  <meta property="og:url" content="https://news.example/2024/story-og">
  <meta property="og:title" content="The Story &amp; Its Aftermath">
  <meta property="og:description" content="What happened,   and why.">
  <meta property="og:image" content="https://cdn.news.example/card.jpg">
  <meta property="og:image:alt" content="A crowd at dusk">
  <meta property="og:site_name" content="News Example">
  <meta name="twitter:title" content="Twitter title">
  <meta name="description" content="Plain description">
</head><body><h1>Story</h1></body></html>`,
    expected: {
      url: 'https://news.example/2024/story',
      title: 'The Story & Its Aftermath',
      description: 'What happened, and why.',
      image: 'https://cdn.news.example/card.jpg',
      imageAlt: 'A crowd at dusk',
      siteName: 'News Example',
    },
  },
  {
    name: 'og:url when the canonical is not http(s)',
    pageUrl: page,
    html: `<head><link rel="canonical" href="javascript:alert(1)">
<meta property="og:url" content="https://news.example/og"><title>T</title></head>`,
    expected: { url: 'https://news.example/og', title: 'T' },
  },
  {
    name: 'page URL when neither canonical nor og:url is usable',
    pageUrl: page,
    html: `<head><link rel="canonical" href="data:text/html,x">
<meta property="og:url" content="file:///etc/passwd"><title>T</title></head>`,
    expected: { url: page, title: 'T' },
  },
  {
    name: 'relative canonical and og:image resolved against the page',
    pageUrl: page,
    html: `<head><link rel="canonical" href="/2024/story"><title>T</title>
<meta property="og:image" content="../img/card.png"></head>`,
    expected: {
      url: 'https://news.example/2024/story',
      title: 'T',
      image: 'https://news.example/img/card.png',
    },
  },
  {
    name: 'protocol-relative image',
    pageUrl: page,
    html: `<head><title>T</title><meta property="og:image" content="//cdn.example/x.png"></head>`,
    expected: { url: page, title: 'T', image: 'https://cdn.example/x.png' },
  },
  {
    name: 'base href for relative links',
    pageUrl: page,
    html: `<head><base href="https://static.example/assets/"><title>T</title>
<meta property="og:image" content="card.png"></head>`,
    expected: { url: page, title: 'T', image: 'https://static.example/assets/card.png' },
  },
  {
    name: 'twitter fallbacks',
    pageUrl: page,
    html: `<head><title>Doc title</title>
<meta name="twitter:title" content="Tweet title">
<meta name="twitter:description" content="Tweet description">
<meta name="description" content="Plain description">
<meta name="twitter:image:src" content="https://cdn.example/t.png">
<meta name="twitter:image:alt" content="Tweet alt"></head>`,
    expected: {
      url: page,
      title: 'Tweet title',
      description: 'Tweet description',
      image: 'https://cdn.example/t.png',
      imageAlt: 'Tweet alt',
    },
  },
  {
    name: 'unsafe og:image falls through to twitter:image',
    pageUrl: page,
    html: `<head><meta property="og:image" content="javascript:alert(1)">
<meta property="og:image:secure_url" content="data:image/png;base64,AAAA">
<meta name="twitter:image" content="https://cdn.example/t.png"></head>`,
    expected: { url: page, title: 'news.example', image: 'https://cdn.example/t.png' },
  },
  {
    name: 'title element fallback and meta description',
    pageUrl: page,
    html: `<head><title>
      Just   the
      title </title><meta name="description" content="Described"></head>`,
    expected: { url: page, title: 'Just the title', description: 'Described' },
  },
  {
    name: 'host when there is no title at all',
    pageUrl: 'https://www.example.org/path',
    html: '<html><head></head><body>Nothing here</body></html>',
    expected: { url: 'https://www.example.org/path', title: 'www.example.org' },
  },
  {
    name: 'uppercase tags and attribute names',
    pageUrl: page,
    html: `<HEAD><TITLE>Shouty</TITLE><META PROPERTY="OG:TITLE" CONTENT="Quiet">
<META NAME="Description" CONTENT="Lower"><LINK REL="CANONICAL" HREF="https://news.example/c"></HEAD>`,
    expected: { url: 'https://news.example/c', title: 'Quiet', description: 'Lower' },
  },
  {
    name: 'property and name mixed up',
    pageUrl: page,
    html: `<head><meta name="og:title" content="Named"><meta property="description" content="Propertied">
<meta property="og:description" name="description" content="Both"></head>`,
    expected: { url: page, title: 'Named', description: 'Both' },
  },
  {
    name: 'empty values skipped',
    pageUrl: page,
    html: `<head><meta property="og:title" content="  "><meta property="og:title" content="Second">
<meta property="og:description" content="<b></b>"><meta name="description" content="Fallback"></head>`,
    expected: { url: page, title: 'Second', description: 'Fallback' },
  },
  {
    name: 'markup and script in titles',
    pageUrl: page,
    html: `<head><title>Hi <script>alert(1)</script> there</title>
<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;Safe <b>bold</b>">
<meta property="og:description" content="&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;"></head>`,
    expected: { url: page, title: 'Safe bold', description: 'One Two' },
  },
  {
    name: 'entities decode once',
    pageUrl: page,
    html: `<head><meta property="og:title" content="A &amp;amp; B &amp;lt;i&amp;gt;"></head>`,
    expected: { url: page, title: 'A & B' },
  },
  {
    name: 'single quotes, unquoted values and attributes without values',
    pageUrl: page,
    html: `<head><meta property='og:title' content='Single "quoted"'>
<meta name=description content=Unquoted><meta async property=og:site_name content="Site" defer></head>`,
    expected: { url: page, title: 'Single "quoted"', description: 'Unquoted', siteName: 'Site' },
  },
  {
    name: 'bidi overrides removed, right-to-left text kept',
    pageUrl: page,
    html: `<head><meta property="og:title" content="&#x202E;txet&#x202C; مرحبا שלום"></head>`,
    expected: { url: page, title: 'txet مرحبا שלום' },
  },
  {
    name: 'alt text without an image is dropped',
    pageUrl: page,
    html: `<head><title>T</title><meta property="og:image:alt" content="Orphan"></head>`,
    expected: { url: page, title: 'T' },
  },
  {
    name: 'meta inside script, comment and template ignored',
    pageUrl: page,
    html: `<head><script>document.write('<meta property="og:title" content="Script">');</script>
<!-- <meta property="og:title" content="Comment"> -->
<template><meta property="og:title" content="Template"></template>
<style>/* <meta property="og:title" content="Style"> */</style>
<title>Real</title></head>`,
    expected: { url: page, title: 'Real' },
  },
  {
    name: 'first title only, SVG title ignored',
    pageUrl: page,
    html: `<head><svg><title>Icon</title></svg><title>First</title><title>Second</title></head>`,
    expected: { url: page, title: 'First' },
  },
  {
    name: 'non-http page has no URL',
    pageUrl: 'file:///home/me/notes.html',
    html: `<head><meta property="og:image" content="card.png"><title>Notes</title></head>`,
    expected: { url: '', title: 'Notes' },
  },
  {
    name: 'a tag with a stray < keeps its attributes, as in browsers',
    pageUrl: page,
    html: `<head><meta property="og:title" content="Hi"
<meta name="description" content="lost"></head>`,
    expected: { url: page, title: 'Hi', description: 'Hi' },
  },
];
