/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most bytes one regular expression match looks at.  Paragraphs
 * longer than this are matched sentence by sentence, so that no pattern,
 * however it backtracks, works on more than this at a time.
 */
#define JH_PATTERN_MAX_INPUT 4096

/**
 * JhPatternScope:
 * @JH_PATTERN_SCOPE_MATCH: an exception applies when its match overlaps
 *   the finding
 * @JH_PATTERN_SCOPE_SENTENCE: when it matches in the finding's sentence
 * @JH_PATTERN_SCOPE_PARAGRAPH: when it matches anywhere in the text
 */
typedef enum
{
  JH_PATTERN_SCOPE_MATCH,
  JH_PATTERN_SCOPE_SENTENCE,
  JH_PATTERN_SCOPE_PARAGRAPH,
} JhPatternScope;

/* A plain string or a regular expression, compiled once. */
typedef struct
{
  char           *source;
  GRegex         *regex;
  JhPatternScope  scope;
} JhPattern;

/* Where a pattern matched, in bytes. */
typedef struct
{
  gsize start;
  gsize end;
} JhPatternMatch;

JhPattern *_jh_pattern_new            (const char      *source,
                                       gboolean         is_regex,
                                       GError         **error);
void       _jh_pattern_free           (JhPattern       *pattern);
gboolean   _jh_regex_check_safe       (const char      *source,
                                       GError         **error);
GArray    *_jh_pattern_find_all       (JhPattern       *pattern,
                                       const char      *text,
                                       GError         **error);
gboolean   _jh_pattern_matches        (JhPattern       *pattern,
                                       const char      *text,
                                       gsize            length,
                                       GError         **error);
gboolean   _jh_pattern_overlaps       (JhPattern       *pattern,
                                       const char      *text,
                                       gsize            start,
                                       gsize            end,
                                       GError         **error);
char      *_jh_pattern_expand         (JhPattern       *pattern,
                                       const char      *text,
                                       gsize            start,
                                       const char      *replacement);
void       _jh_text_get_sentence      (const char      *text,
                                       gsize            start,
                                       gsize            end,
                                       gsize           *sentence_start,
                                       gsize           *sentence_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JhPattern, _jh_pattern_free)

G_END_DECLS
