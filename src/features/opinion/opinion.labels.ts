import type { Translate } from '../../platform/i18n/i18n.ts';
import type { ColourName, MapRow, Shape } from './opinion.map.ts';
import type { Direction } from './opinion.result.ts';

type Place = `${MapRow['height']}-${MapRow['side']}`;

/** The report's words that depend on a value, each key written out so a test can find it. */
export function opinionLabels(t: Translate) {
  return {
    colours: {
      blue: t('opinion.map.colours.blue'),
      red: t('opinion.map.colours.red'),
      green: t('opinion.map.colours.green'),
      purple: t('opinion.map.colours.purple'),
      pink: t('opinion.map.colours.pink'),
    } satisfies Record<ColourName, string>,
    shapes: {
      circle: t('opinion.map.shapes.circle'),
      square: t('opinion.map.shapes.square'),
      triangle: t('opinion.map.shapes.triangle'),
      diamond: t('opinion.map.shapes.diamond'),
      cross: t('opinion.map.shapes.cross'),
    } satisfies Record<Shape, string>,
    places: {
      'top-left': t('opinion.map.places.top-left'),
      'top-centre': t('opinion.map.places.top-centre'),
      'top-right': t('opinion.map.places.top-right'),
      'middle-left': t('opinion.map.places.middle-left'),
      'middle-centre': t('opinion.map.places.middle-centre'),
      'middle-right': t('opinion.map.places.middle-right'),
      'bottom-left': t('opinion.map.places.bottom-left'),
      'bottom-centre': t('opinion.map.places.bottom-centre'),
      'bottom-right': t('opinion.map.places.bottom-right'),
    } satisfies Record<Place, string>,
    directions: {
      agree: t('opinion.groups.directions.agree'),
      disagree: t('opinion.groups.directions.disagree'),
    } satisfies Record<Direction, string>,
    consensus: {
      agree: t('opinion.consensus.agree'),
      disagree: t('opinion.consensus.disagree'),
    } satisfies Record<Direction, string>,
  };
}
