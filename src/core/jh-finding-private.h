/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-finding.h"

G_BEGIN_DECLS

/* Where in a plan a finding is. */
typedef struct
{
  JhFindingField  field;
  JhNode         *node;              /* the plan, section, task or paragraph */
  JhSection      *section;           /* nullable */
  int             section_index;     /* -1 without a section */
  JhTask         *task;              /* nullable */
  int             paragraph_index;   /* -1 unless a paragraph */
} JhFindingLocation;

JhFinding *_jh_finding_new       (JhRule                  *rule,
                                  const JhFindingLocation *location,
                                  const char              *message,
                                  const char              *text,
                                  const char              *context,
                                  glong                    char_offset,
                                  glong                    char_length,
                                  GPtrArray               *fixes);
gboolean   _jh_finding_equal     (JhFinding               *a,
                                  JhFinding               *b);
guint      _jh_finding_hash      (JhFinding               *self);
void       _jh_finding_set_order (JhFinding               *self,
                                  guint64                  order);
guint64    _jh_finding_get_order (JhFinding               *self);
char      *_jh_finding_location_format (const JhFindingLocation *location);

G_END_DECLS
