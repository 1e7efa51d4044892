import type { EngineChange } from '../preflight/engine-version.js';
import type { Language } from './language.js';

/** A move between engines the approver is told about: a migration to the same version says nothing. */
type ShownChange = Exclude<EngineChange, 'same'>;

/** The engine and version of each cluster a restore or migration involves, as its plan shows them. */
type EngineWords = {
  engineLine: (cluster: string, engine: string) => string;
  enginesLine: (from: string, fromEngine: string, to: string, toEngine: string) => string;
  /** A migration across versions or engines: `from` and `to` are the engines' shown names. */
  engineChangeLine: (from: string, to: string, change: ShownChange) => string;
};

const en: EngineWords = {
  engineLine: (cluster, engine) => `*Engine:* ${cluster} runs ${engine}`,
  enginesLine: (from, fromEngine, to, toEngine) => `*Engines:* ${from} runs ${fromEngine}, ${to} runs ${toEngine}`,
  engineChangeLine: (from, to, change) => {
    switch (change) {
      case 'newer':
        return `:arrow_up: ${from} → ${to}: indices are read by the newer engine`;
      case 'older':
        return `:warning: ${from} → ${to}: the target runs an older version; the preflight's version line says whether it reads these indices`;
      case 'other-engine':
        return `:warning: ${from} → ${to}: the target runs another engine; the preflight's version line says whether it reads these indices`;
    }
  },
};

const ja: EngineWords = {
  engineLine: (cluster, engine) => `*エンジン:* ${cluster} は ${engine}`,
  enginesLine: (from, fromEngine, to, toEngine) => `*エンジン:* ${from} は ${fromEngine}、${to} は ${toEngine}`,
  engineChangeLine: (from, to, change) => {
    switch (change) {
      case 'newer':
        return `:arrow_up: ${from} → ${to}: インデックスは新しいエンジンで読まれます`;
      case 'older':
        return `:warning: ${from} → ${to}: 移行先のほうが古いバージョンです。これらのインデックスを読めるかは事前チェックのバージョンの行を見てください`;
      case 'other-engine':
        return `:warning: ${from} → ${to}: 移行先は別のエンジンです。これらのインデックスを読めるかは事前チェックのバージョンの行を見てください`;
    }
  },
};

const engineWords: Record<Language, EngineWords> = { en, ja };

export type { EngineWords, ShownChange };
export { engineWords };
