/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-node.h"
#include "jh-provenance.h"
#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_PARAGRAPH (jh_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (JhParagraph, jh_paragraph, JH, PARAGRAPH, JhNode)

JhParagraph  *jh_paragraph_new            (const char   *text);
const char   *jh_paragraph_get_text       (JhParagraph  *self);
void          jh_paragraph_set_text       (JhParagraph  *self,
                                           const char   *text);
JhProvenance *jh_paragraph_get_provenance (JhParagraph  *self);
void          jh_paragraph_set_provenance (JhParagraph  *self,
                                           JhProvenance *provenance);

G_END_DECLS
