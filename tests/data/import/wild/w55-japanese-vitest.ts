import * as yaml from "js-yaml";

const JOURNEY = `journey
  title 一日の業務
  section 出社
    お茶をいれる: 5: 私
    階段を上る: 3: 私
    仕事する: 1: 私, 猫
  section 帰宅
    階段を下りる: 4: 私`;

describe("Mermaid journey", () => {
