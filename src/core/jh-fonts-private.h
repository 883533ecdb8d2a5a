/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jh-page-profile.h"

G_BEGIN_DECLS

/**
 * JhFontClass:
 *
 * The kinds of Chinese typeface GB/T 9704-2012 names: what a font named
 * in a profile is like, so that the right free font stands in for it
 * where it is not installed.
 */
typedef enum
{
  JH_FONT_CLASS_SONG,
  JH_FONT_CLASS_FANGSONG,
  JH_FONT_CLASS_KAI,
  JH_FONT_CLASS_HEI,
  JH_FONT_CLASS_XIAOBIAOSONG,
} JhFontClass;

JhFontClass  _jh_font_class_guess    (const char  *families,
                                      JhTextStyle  style);
GStrv        _jh_font_dup_chain      (const char  *families,
                                      JhFontClass  font_class);
const char  *_jh_font_class_generic  (JhFontClass  font_class);
gboolean     _jh_font_wants_bold     (const char  *family,
                                      JhFontClass  font_class);

G_END_DECLS
